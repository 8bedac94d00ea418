import bootstrap from './bootstrap';
import contentTypes from './content-types';
import register from './register';
import services from './services';

export default {
  register,
  bootstrap,
  contentTypes,
  services,
};
