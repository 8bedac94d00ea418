import admin from './admin';
import analytics from './analytics';
import backup from './backup';
import disposition from './disposition';
import documents from './documents';
import journal from './journal';
import paperArchive from './paper-archive';
import pupils from './pupils';
import retention from './retention';
import staffHome from './staff-home';

/** The plugin's routers: each an admin router (`type: 'admin'`) mounted under /records-archive. */
export default {
  staffHome,
  journal,
  analytics,
  admin,
  backup,
  disposition,
  retention,
  paperArchive,
  documents,
  pupils,
};
