declare module 'virtual:cac-catalogue' {
  import type { Guide } from '../guide/schema';

  const guides: Guide[];
  export default guides;
}
