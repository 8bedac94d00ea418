import documents from './documents';
import analytics from './analytics';
import archivePackage from './archive-package';
import backup from './backup';
import restoreDrill from './restore-drill';
import disposition from './disposition';
import journalGrid from './journal-grid';
import fixityCheck from './fixity-check';
import paperArchive from './paper-archive';
import periodClosing from './period-closing';
import pupils from './pupils';
import retention from './retention';
import staffHome from './staff-home';

export default {
  documents,
  'staff-home': staffHome,
  'journal-grid': journalGrid,
  analytics,
  'archive-package': archivePackage,
  'period-closing': periodClosing,
  'fixity-check': fixityCheck,
  backup,
  'restore-drill': restoreDrill,
  disposition,
  retention,
  'paper-archive': paperArchive,
  pupils,
};
