import retention from './retention';

export default {
  retention,
};
