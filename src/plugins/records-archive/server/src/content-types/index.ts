import retentionRule from './retention-rule';

export default {
  'retention-rule': retentionRule,
};
