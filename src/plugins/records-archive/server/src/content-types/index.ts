import archivePackage from './archive-package';
import backup from './backup';
import closingRun from './closing-run';
import destructionAct from './destruction-act';
import fixityCheck from './fixity-check';
import inventoryCheck from './inventory-check';
import legalHold from './legal-hold';
import paperCarrier from './paper-carrier';
import retentionRule from './retention-rule';
import retentionRuleVersion from './retention-rule-version';
import restoreDrill from './restore-drill';

export default {
  'archive-package': archivePackage,
  'fixity-check': fixityCheck,
  'closing-run': closingRun,
  'retention-rule': retentionRule,
  'retention-rule-version': retentionRuleVersion,
  backup,
  'destruction-act': destructionAct,
  'legal-hold': legalHold,
  'paper-carrier': paperCarrier,
  'inventory-check': inventoryCheck,
  'restore-drill': restoreDrill,
};
