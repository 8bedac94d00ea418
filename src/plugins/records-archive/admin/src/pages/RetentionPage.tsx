import * as React from 'react';
import { Badge, Button, Flex, LinkButton, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { BASE, useLoad } from '../api/client';
import type { CmList, RetentionRule, RuleVersion } from '../api/types';
import { ListState, Muted, Section } from '../components/common';
import { ACTION_AT_EXPIRY, CHANGE_KIND, COUNTS_FROM, RULE_RECORD_TYPE } from '../components/labels';
import { PAGE_PERMISSIONS, RETENTION_RULE_UID } from '../constants';
import { msg, useT, type Message } from '../utils/translations';

const CM_LIST = `/content-manager/collection-types/${RETENTION_RULE_UID}`;

const usePeriodText = () => {
  const { t } = useT();
  return (rule: Pick<RetentionRule, 'periodKind' | 'periodYears' | 'periodMonths'>): string => {
    if (rule.periodKind === 'permanent') return t('rule.period.permanent', 'Постоянно');
    if (rule.periodKind === 'while-studying') return t('rule.period.while-studying', 'На время обучения');
    if (rule.periodKind === 'not-archived') return t('rule.period.not-archived', 'Не архивируется');
    return t('rule.period.fixed', '{years, plural, one {# год} few {# года} other {# лет}}{months, plural, =0 {} other { # мес.}}', {
      years: rule.periodYears ?? 0,
      months: rule.periodMonths ?? 0,
    });
  };
};

const valueText = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** The version history of one rule, newest first, in a modal. */
const HistoryModal = ({ rule, onClose }: { rule: RetentionRule; onClose: () => void }) => {
  const { t, tm, date } = useT();
  const { data, isLoading } = useLoad<{ data: RuleVersion[] }>(`${BASE}/retention-rules/${rule.documentId}/history`);
  const versions = data?.data ?? [];
  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('retention.history.title', 'История изменений: {title}', { title: rule.title })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <ListState isLoading={isLoading} isEmpty={versions.length === 0} empty={t('retention.history.empty', 'Изменений пока нет')}>
            <Table colCount={4} rowCount={versions.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('retention.history.version', 'Версия')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('retention.history.when', 'Когда и кто')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('retention.history.change', 'Изменение')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('retention.history.fields', 'Поля: было → стало')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {versions.map((version) => (
                  <Tr key={version.id}>
                    <Td>
                      <Typography>{version.version}</Typography>
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography>{date(version.changedAt)}</Typography>
                        <Muted>{version.changedBy ?? t('retention.history.system', 'система')}</Muted>
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{CHANGE_KIND[version.changeKind] ? tm(CHANGE_KIND[version.changeKind]) : version.changeKind}</Typography>
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        {(version.changedFields ?? []).map((field) => (
                          <Typography key={field} variant="pi" style={{ whiteSpace: 'normal' }}>
                            <b>{field}</b>: {valueText(version.oldValues?.[field])} → {valueText(version.newValues?.[field])}
                          </Typography>
                        ))}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </ListState>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('action.close', 'Закрыть')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

const CARRIER: Record<'paper' | 'electronic' | 'both', Message> = {
  paper: msg('retention.carrier.paper', 'на бумаге'),
  electronic: msg('retention.carrier.electronic', 'в электронном виде'),
  both: msg('retention.carrier.both', 'на бумаге и в электронном виде'),
};

/** «Политика хранения»: the retention rules, a link to edit each in the content manager, and each rule's history. */
export const RetentionPage = () => {
  const { t, tm, date } = useT();
  const periodText = usePeriodText();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.retention);
  const { data, isLoading } = useLoad<CmList<RetentionRule>>(CM_LIST, { page: 1, pageSize: 100, sort: 'recordType:asc' });
  const rules = data?.results ?? [];
  const [historyOf, setHistoryOf] = React.useState<RetentionRule | null>(null);
  return (
    <Section
      title={t('retention.title', 'Сроки хранения документов')}
      actions={
        <LinkButton tag={Link} to={`/content-manager/collection-types/${RETENTION_RULE_UID}/create`} variant="secondary">
          {t('retention.add', 'Добавить правило')}
        </LinkButton>
      }
    >
      <ListState isLoading={isLoading} isEmpty={rules.length === 0} empty={t('retention.empty', 'Правил хранения нет')}>
        <Table colCount={6} rowCount={rules.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('retention.column.document', 'Вид документов')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('retention.column.period', 'Срок')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('retention.column.countsFrom', 'Отсчёт')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('retention.column.action', 'По истечении')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('retention.column.basis', 'Основание')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('column.actions', 'Действия')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rules.map((rule) => (
              <Tr key={rule.documentId}>
                <Td style={{ maxWidth: 300 }}>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography fontWeight="bold" style={{ whiteSpace: 'normal' }}>
                      {rule.title}
                    </Typography>
                    <Muted>{RULE_RECORD_TYPE[rule.recordType] ? tm(RULE_RECORD_TYPE[rule.recordType]) : rule.recordType}</Muted>
                    {rule.caseIndex || rule.storagePlace ? (
                      <Muted>
                        {[
                          rule.caseIndex ? t('retention.caseIndex', 'дело {index}', { index: rule.caseIndex }) : '',
                          rule.carrier ? tm(CARRIER[rule.carrier]) : '',
                          rule.storagePlace ?? '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Muted>
                    ) : null}
                  </Flex>
                </Td>
                <Td>
                  <Typography>{periodText(rule)}</Typography>
                </Td>
                <Td>
                  <Typography>{COUNTS_FROM[rule.countsFrom] ? tm(COUNTS_FROM[rule.countsFrom]) : rule.countsFrom}</Typography>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Badge>{ACTION_AT_EXPIRY[rule.actionAtExpiry] ? tm(ACTION_AT_EXPIRY[rule.actionAtExpiry]) : rule.actionAtExpiry}</Badge>
                    {rule.expertReviewRequired ? <Muted>{t('retention.expertReview', 'нужна экспертиза ценности')}</Muted> : null}
                  </Flex>
                </Td>
                <Td style={{ minWidth: 280, maxWidth: 380 }}>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography variant="pi" style={{ whiteSpace: 'normal' }} title={rule.legalBasis}>
                      {rule.legalBasis && rule.legalBasis.length > 180 ? `${rule.legalBasis.slice(0, 180)}…` : rule.legalBasis}
                    </Typography>
                    <Muted>{t('retention.updated', 'Изменено {date}', { date: date(rule.updatedAt) })}</Muted>
                  </Flex>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="stretch" gap={2}>
                    <LinkButton
                      tag={Link}
                      to={`/content-manager/collection-types/${RETENTION_RULE_UID}/${rule.documentId}`}
                      variant="tertiary"
                      size="S"
                    >
                      {t('action.edit', 'Изменить')}
                    </LinkButton>
                    {allowedActions.canHistory ? (
                      <Button variant="tertiary" size="S" onClick={() => setHistoryOf(rule)}>
                        {t('retention.history.open', 'История')}
                      </Button>
                    ) : null}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </ListState>
      {historyOf ? <HistoryModal rule={historyOf} onClose={() => setHistoryOf(null)} /> : null}
    </Section>
  );
};
