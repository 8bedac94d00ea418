import documents from './documents';
import archivePackage from './archive-package';
import backup from './backup';
import disposition from './disposition';
import fixity from './fixity';
import journalExport from './journal-export';
import paperArchive from './paper-archive';
import periodClosing from './period-closing';
import retention from './retention';
import staffHome from './staff-home';
import retentionHistory from './retention-history';
import restoreDrill from './restore-drill';

export default {
  documents,
  'staff-home': staffHome,
  'archive-package': archivePackage,
  'journal-export': journalExport,
  'period-closing': periodClosing,
  fixity,
  retention,
  'retention-history': retentionHistory,
  backup,
  'restore-drill': restoreDrill,
  disposition,
  'paper-archive': paperArchive,
};
