export { type EventFacts, type Expectation, expectation, isStepDone, type StepForExpectation } from './expectation';
export { eventFacts, isFilled, type ObserveOptions, observeStep } from './observe';
