import admin from './admin';
import backup from './backup';
import disposition from './disposition';
import retention from './retention';

/** The plugin's routers: each an admin router (`type: 'admin'`) mounted under /records-archive. */
export default {
  admin,
  backup,
  disposition,
  retention,
};
