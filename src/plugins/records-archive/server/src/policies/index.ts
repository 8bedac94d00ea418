import appointed from './appointed';

export default { appointed };
