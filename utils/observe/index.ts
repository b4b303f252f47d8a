export { type EventFacts, type Expectation, expectation, isStepDone, type StepForExpectation } from './expectation';
export { byPerson, eventFacts, isFilled, type ObserveOptions, observeStep } from './observe';
export { followPersonInput, type PersonInput } from './person';
