import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { FilePdf, Download, Pencil, Search } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { BASE, errorMessage, useDownload, useLoad } from '../../api/client';
import { ListState, Muted, russian, Section, Select } from '../../components/common';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PupilTable } from '../../components/PupilTable';
import { DOCUMENTS_PERMISSIONS, PAGE_PERMISSIONS } from '../../constants';
import { useT } from '../../utils/translations';
import { BlankRegister } from './BlankRegister';
import { FormModal, TextField } from './FormModal';

/**
 * «Документы» (the secretary's page): find a pupil, see the personal file with every year's results
 * as filled from the journal, fill a year, print the personal card, register an аттестат in the book;
 * and print the paper forms on demand — a class's journals of a period with the inspection page, a
 * class's summary progress sheet of its year (PDF or XLSX).
 */

interface PupilFound {
  documentId: string;
  fullName: string;
  birthDate: string | null;
  className: string | null;
  fileNumber: string | null;
}

interface PupilDocuments {
  pupil: { documentId: string; fullName: string; birthDate: string | null };
  personalFile: {
    documentId: string;
    number: string;
    openedOn: string | null;
    admissionOrder: string | null;
    state: string;
    issuedOn: string | null;
    issuedTo: string | null;
  } | null;
  guardians: Array<{ documentId: string; fullName: string }>;
  admissionDocuments: Array<{
    id: number;
    kind: string;
    kindLabel: string;
    receivedOn: string | null;
    note: string | null;
    storagePlace: string | null;
    fileName: string | null;
  }>;
  classes: Array<{ schoolClass: string; academicYear: string; academicYearDocumentId: string; startDate: string; endDate: string | null }>;
  years: Array<{
    documentId: string;
    academicYear: string;
    schoolClass: string | null;
    grade: number | null;
    marks: Array<{ subject: string; value: string }>;
    decision: string | null;
    certifiedAt: string | null;
    certifiedBy: string | null;
  }>;
  certificates: Array<{
    documentId: string;
    level: string;
    kind: string;
    registrationNumber: number | null;
    bookYear: number | null;
    blankNumber: string | null;
    issuedOn: string | null;
    medal: string | null;
    withDistinction: boolean;
  }>;
  studyCertificates: Array<{
    documentId: string;
    kind: string;
    registrationNumber: number | null;
    bookYear: number | null;
    issuedOn: string | null;
    reason: string | null;
    classes: string | null;
    annulled: boolean;
  }>;
}

interface Choices {
  documentId: string;
  title: string;
  classes: Array<{ documentId: string; name: string }>;
  periods: Array<{ documentId: string; title: string; closed: boolean }>;
}

const DECISIONS: Record<string, [string, string]> = {
  promoted: ['documents.decision.promoted', 'переведён(а)'],
  'promoted-with-debt': ['documents.decision.debt', 'переведён(а) условно'],
  'kept-down': ['documents.decision.kept', 'оставлен(а) на повторное обучение'],
  graduated: ['documents.decision.graduated', 'окончил(а)'],
};

const PupilSearch = ({ onPick }: { onPick: (documentId: string) => void }) => {
  const { t } = useT();
  const [query, setQuery] = React.useState('');
  const [submitted, setSubmitted] = React.useState('');
  const found = useLoad<{ data: PupilFound[] }>(submitted.length >= 2 ? `${BASE}/documents/pupils` : null, { q: submitted });
  const pupils = found.data?.data ?? [];
  return (
    <Section title={t('documents.search.title', 'Обучающийся')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="q" width="420px" hint={t('documents.search.hint', 'Фамилия, имя или их начало — не меньше двух букв')}>
            <Field.Label>{t('documents.search.label', 'Поиск по ФИО')}</Field.Label>
            <TextInput value={query} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          <Button type="submit" startIcon={<Search />} disabled={query.trim().length < 2}>
            {t('documents.search.submit', 'Найти')}
          </Button>
        </Flex>
      </form>
      {submitted.length >= 2 ? (
        <Box paddingTop={4}>
          <ListState isLoading={found.isLoading} isEmpty={pupils.length === 0} empty={t('documents.search.empty', 'Никого не нашли')}>
            <PupilTable
              pupils={pupils}
              onPick={onPick}
              extra={{
                title: t('documents.column.file', '№ личного дела'),
                cell: (pupil) => pupil.fileNumber ?? <Muted>{t('documents.file.none', 'не открыто')}</Muted>,
              }}
            />
          </ListState>
        </Box>
      ) : null}
    </Section>
  );
};

interface CertificateForm {
  level: string;
  blankNumber: string;
  orderNumber: string;
  orderDate: string;
  issuedOn: string;
  issuedBy: string;
  receivedBy: string;
}

const CertificateModal = ({ pupil, onClose, onSaved }: { pupil: string; onClose: () => void; onSaved: () => void }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [form, setForm] = React.useState<CertificateForm>({
    level: 'basic-general',
    blankNumber: '',
    orderNumber: '',
    orderDate: '',
    issuedOn: '',
    issuedBy: '',
    receivedBy: '',
  });
  const set = (name: keyof CertificateForm) => (value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  const submit = async () => {
    const body = Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim() !== ''));
    const { data } = await post<{ data: { registrationNumber: number; bookYear: number } }>(
      `${BASE}/documents/pupils/${pupil}/certificate`,
      { data: body },
    );
    toggleNotification({
      type: 'success',
      message: t('documents.certificate.done', 'Аттестат зарегистрирован в книге под № {number}', {
        number: data.data.registrationNumber,
      }),
    });
    onSaved();
  };
  return (
    <FormModal
      title={t('documents.certificate.title', 'Регистрация аттестата в книге выдачи')}
      hint={t(
        'documents.certificate.hint',
        'Итоговые отметки, отличие и медаль вычисляются из журнала и личного дела; номер в книге присваивается по порядку. Запись в книге не изменяется: ошибку исправляют аннулированием и новой записью.',
      )}
      submitLabel={t('documents.certificate.submit', 'Зарегистрировать')}
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => {
        const input = (name: keyof CertificateForm, label: string, type = 'text') => (
          <TextField
            name={name}
            label={label}
            type={type}
            value={form[name]}
            onChange={set(name)}
            error={errors[name]}
            required={!['issuedBy', 'receivedBy'].includes(name)}
          />
        );
        return (
          <>
            <Select
              label={t('documents.certificate.level', 'Уровень образования')}
              value={form.level}
              width="100%"
              required
              onChange={set('level')}
              options={[
                ['basic-general', t('documents.level.basic', 'Основное общее (9 класс)')],
                ['secondary-general', t('documents.level.secondary', 'Среднее общее (11 класс)')],
              ]}
            />
            <Flex gap={4}>
              {input('blankNumber', t('documents.certificate.blank', 'Номер бланка'))}
              {input('issuedOn', t('documents.certificate.issuedOn', 'Дата выдачи'), 'date')}
            </Flex>
            <Flex gap={4}>
              {input('orderNumber', t('documents.certificate.order', 'Номер приказа о выдаче'))}
              {input('orderDate', t('documents.certificate.orderDate', 'Дата приказа'), 'date')}
            </Flex>
            <Flex gap={4}>
              {input('issuedBy', t('documents.certificate.issuedBy', 'Кто выдал'))}
              {input('receivedBy', t('documents.certificate.receivedBy', 'Кто получил'))}
            </Flex>
          </>
        );
      }}
    </FormModal>
  );
};

const STUDY_REASONS: Record<string, [string, string]> = {
  'gia-failed': ['documents.study.reason.giaFailed', 'Не прошёл(ла) ГИА (неудовлетворительные результаты)'],
  'gia-not-taken': ['documents.study.reason.giaNotTaken', 'Не проходил(а) ГИА'],
  'part-of-programme': ['documents.study.reason.part', 'Освоил(а) часть образовательной программы'],
  expelled: ['documents.study.reason.expelled', 'Отчислен(а)'],
};

interface StudyCertificateForm {
  reason: string;
  issuedOn: string;
  receivedBy: string;
  issuedBy: string;
  reasonNote: string;
}

/**
 * Issues a справка об обучении (R46): the reason, date and receiver are typed; the period of study,
 * the classes and each year's marks are taken from the class lists and the journal. The entry in the
 * book is never edited, so the secretary confirms the data first; the справка is downloaded at once.
 */
const StudyCertificateModal = ({ pupil, onClose, onSaved }: { pupil: string; onClose: () => void; onSaved: () => void }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const download = useDownload();
  const { toggleNotification } = useNotification();
  const [form, setForm] = React.useState<StudyCertificateForm>({ reason: '', issuedOn: '', receivedBy: '', issuedBy: '', reasonNote: '' });
  const [confirmed, setConfirmed] = React.useState(false);
  const set = (name: keyof StudyCertificateForm) => (value: string) => setForm((previous) => ({ ...previous, [name]: value }));
  const submit = async () => {
    const body = Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim() !== ''));
    const { data } = await post<{ data: { documentId: string; registrationNumber: number; bookYear: number } }>(
      `${BASE}/documents/pupils/${pupil}/study-certificate`,
      { ...body, confirmed },
    );
    toggleNotification({
      type: 'success',
      message: t('documents.study.done', 'Справка об обучении зарегистрирована в книге под № {number}', {
        number: `${data.data.registrationNumber}/${data.data.bookYear}`,
      }),
    });
    await download(
      `${BASE}/documents/pupils/${pupil}/study-certificates/${data.data.documentId}/certificate.pdf`,
      'spravka-ob-obuchenii.pdf',
    );
    onSaved();
  };
  return (
    <FormModal
      title={t('documents.study.title', 'Выдать справку об обучении')}
      hint={t(
        'documents.study.hint',
        'Период обучения, классы и отметки по годам берутся из списков классов и журнала (годовые, а за неоконченный год — за последний период). Номер в книге присваивается по порядку. Запись в книге не изменяется: ошибку исправляют аннулированием и новой справкой.',
      )}
      submitLabel={t('documents.study.submit', 'Выдать справку')}
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => (
        <>
          <Field.Root name="reason" error={errors.reason} required>
            <Field.Label>{t('documents.study.reason', 'Основание выдачи')}</Field.Label>
            <SingleSelect value={form.reason} onChange={(next: string | number) => set('reason')(String(next))}>
              {Object.entries(STUDY_REASONS).map(([value, [id, text]]) => (
                <SingleSelectOption key={value} value={value}>
                  {t(id, text)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
          <TextField
            name="reasonNote"
            label={t('documents.study.reasonNote', 'Пояснение (например, приказ об отчислении)')}
            value={form.reasonNote}
            onChange={set('reasonNote')}
            error={errors.reasonNote}
          />
          <Flex gap={4}>
            <TextField
              name="issuedOn"
              type="date"
              required
              label={t('documents.certificate.issuedOn', 'Дата выдачи')}
              value={form.issuedOn}
              onChange={set('issuedOn')}
              error={errors.issuedOn}
            />
            <TextField
              name="issuedBy"
              label={t('documents.certificate.issuedBy', 'Кто выдал')}
              value={form.issuedBy}
              onChange={set('issuedBy')}
              error={errors.issuedBy}
            />
          </Flex>
          <TextField
            name="receivedBy"
            required
            label={t('documents.certificate.receivedBy', 'Кто получил')}
            value={form.receivedBy}
            onChange={set('receivedBy')}
            error={errors.receivedBy}
          />
          <Field.Root name="confirmed" error={errors.confirmed}>
            <Checkbox checked={confirmed} onCheckedChange={(checked) => setConfirmed(checked === true)}>
              {t('documents.study.confirm', 'Сведения проверены: запись в книге после выдачи не исправляется')}
            </Checkbox>
            <Field.Error />
          </Field.Root>
        </>
      )}
    </FormModal>
  );
};

/** A справка об успеваемости issued at the counter: the request is registered and answered at once, then downloaded. */
const ProgressCertificateModal = ({
  pupil,
  guardians,
  onClose,
  onSaved,
}: {
  pupil: string;
  guardians: Array<{ documentId: string; fullName: string }>;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const download = useDownload();
  const [requester, setRequester] = React.useState(guardians[0]?.documentId ?? 'pupil');
  const [form, setForm] = React.useState('oral');
  const submit = async () => {
    const body = requester === 'pupil' ? { requesterKind: 'pupil', form } : { requesterKind: 'guardian', guardian: requester, form };
    const { data } = await post<{ data: { request: string } }>(`${BASE}/documents/pupils/${pupil}/progress-certificate`, body);
    await download(`${BASE}/documents/pupils/${pupil}/requests/${data.data.request}/document.pdf`, 'spravka.pdf');
    onSaved();
  };
  return (
    <FormModal
      title={t('documents.progress.title', 'Справка об успеваемости')}
      hint={t(
        'documents.progress.hint',
        'Обращение регистрируется в журнале обращений, справка с отметками текущего учебного года формируется из журнала и сохраняется с обращением как выдана.',
      )}
      submitLabel={t('documents.progress.submit', 'Выдать справку')}
      onSubmit={submit}
      onClose={onClose}
    >
      {() => (
        <>
          <Select
            label={t('documents.progress.requester', 'Кто обратился')}
            value={requester}
            width="100%"
            required
            onChange={setRequester}
            options={[
              ...guardians.map((guardian): [string, string] => [guardian.documentId, guardian.fullName]),
              ['pupil', t('documents.progress.pupil', 'Сам обучающийся')],
            ]}
          />
          <Select
            label={t('documents.progress.form', 'Форма обращения')}
            value={form}
            width="100%"
            onChange={setForm}
            options={[
              ['oral', t('documents.progress.oral', 'Устно')],
              ['written', t('documents.progress.written', 'Письменное заявление')],
            ]}
          />
        </>
      )}
    </FormModal>
  );
};

interface IssueFileForm {
  issuedOn: string;
  applicationNumber: string;
  orderNumber: string;
  issuedTo: string;
}

/** Issues the personal file to the parents on a transfer: the file's state becomes «выдано». */
const IssueFileModal = ({ pupil, onClose, onSaved }: { pupil: string; onClose: () => void; onSaved: () => void }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [form, setForm] = React.useState<IssueFileForm>({ issuedOn: '', applicationNumber: '', orderNumber: '', issuedTo: '' });
  const submit = async () => {
    await post(`${BASE}/documents/pupils/${pupil}/issue-file`, form);
    toggleNotification({ type: 'success', message: t('documents.issueFile.done', 'Личное дело выдано') });
    onSaved();
  };
  return (
    <FormModal
      title={t('documents.issueFile.title', 'Выдача личного дела при переводе')}
      hint={t(
        'documents.issueFile.hint',
        'Личное дело выдаётся родителям (законным представителям) по их письменному заявлению после приказа о выбытии. Выдачу отменить нельзя.',
      )}
      submitLabel={t('documents.issueFile.submit', 'Выдать личное дело')}
      submitVariant="danger-light"
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => {
        const input = (name: keyof IssueFileForm, label: string, type = 'text') => (
          <TextField
            name={name}
            label={label}
            type={type}
            value={form[name]}
            onChange={(value) => setForm((previous) => ({ ...previous, [name]: value }))}
            error={errors[name]}
            required
          />
        );
        return (
          <>
            <Flex gap={4}>
              {input('issuedOn', t('documents.certificate.issuedOn', 'Дата выдачи'), 'date')}
              {input('applicationNumber', t('documents.issueFile.application', 'Номер заявления родителей'))}
            </Flex>
            <Flex gap={4}>
              {input('orderNumber', t('documents.issueFile.order', 'Номер приказа о выбытии'))}
              {input('issuedTo', t('documents.issueFile.to', 'Кому выдано (ФИО)'))}
            </Flex>
          </>
        );
      }}
    </FormModal>
  );
};

const PupilRecord = ({ pupil }: { pupil: string }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const download = useDownload();
  const { allowedActions } = useRBAC(PAGE_PERMISSIONS.documents);
  const loaded = useLoad<{ data: PupilDocuments }>(`${BASE}/documents/pupils/${pupil}`);
  const [fillYear, setFillYear] = React.useState('');
  const [confirming, setConfirming] = React.useState(false);
  const [issuing, setIssuing] = React.useState(false);
  const [issuingFile, setIssuingFile] = React.useState(false);
  const [certifying, setCertifying] = React.useState(false);
  const [issuingStudy, setIssuingStudy] = React.useState(false);
  const record = loaded.data?.data;
  if (!record)
    return (
      <ListState isLoading={loaded.isLoading} isEmpty empty={t('documents.pupil.missing', 'Обучающийся не найден')}>
        {null}
      </ListState>
    );
  const file = record.personalFile;
  const years = [...new Map(record.classes.map((row) => [row.academicYearDocumentId, row.academicYear])).entries()];
  const fill = async () => {
    try {
      await post(`${BASE}/documents/pupils/${pupil}/fill-year`, { academicYear: fillYear });
      toggleNotification({ type: 'success', message: t('documents.fill.done', 'Год заполнен из журнала') });
      loaded.reload();
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос') });
      return false;
    }
  };
  return (
    <>
      <Section
        title={record.pupil.fullName}
        actions={
          file ? (
            <>
              {allowedActions.canIssue ? (
                <Button variant="secondary" onClick={() => setCertifying(true)}>
                  {t('documents.progress.button', 'Справка об успеваемости')}
                </Button>
              ) : null}
              {file.state === 'open' && allowedActions.canIssue ? (
                <Button variant="danger-light" onClick={() => setIssuingFile(true)}>
                  {t('documents.issueFile.button', 'Выдать личное дело')}
                </Button>
              ) : null}
              <Button
                variant="secondary"
                startIcon={<FilePdf />}
                onClick={() => download(`${BASE}/documents/pupils/${pupil}/card.pdf`, 'lichnaya-karta.pdf')}
              >
                {t('documents.card', 'Личная карта (PDF)')}
              </Button>
            </>
          ) : null
        }
      >
        <Flex gap={6} wrap="wrap">
          <Typography>
            {t('documents.pupil.birthDate', 'Дата рождения')}: {russian(record.pupil.birthDate)}
          </Typography>
          {file ? (
            <>
              <Typography>
                {t('documents.file.number', 'Личное дело № {number}', { number: file.number })}
                {file.openedOn ? `, ${t('documents.file.opened', 'открыто {date}', { date: russian(file.openedOn) })}` : ''}
              </Typography>
              {file.state === 'issued' ? (
                <Badge variant="secondary">
                  {t('documents.file.issued', 'выдано {date}: {to}', { date: russian(file.issuedOn), to: file.issuedTo ?? '—' })}
                </Badge>
              ) : null}
            </>
          ) : (
            <Typography textColor="danger600">{t('documents.file.missing', 'Личное дело не открыто')}</Typography>
          )}
        </Flex>
      </Section>

      {file ? (
        <Section title={t('documents.admission.title', 'Документы, сданные при приёме')}>
          <ListState
            isLoading={false}
            isEmpty={record.admissionDocuments.length === 0}
            empty={t(
              'documents.admission.empty',
              'Документы ещё не внесены: добавьте их в карточке личного дела (Контент-менеджер → Личные дела)',
            )}
          >
            <Table colCount={5} rowCount={record.admissionDocuments.length + 1}>
              <Thead>
                <Tr>
                  <Th>{t('documents.admission.kind', 'Документ')}</Th>
                  <Th>{t('documents.admission.received', 'Получен')}</Th>
                  <Th>{t('documents.admission.place', 'Подлинник хранится')}</Th>
                  <Th>{t('documents.admission.note', 'Примечание')}</Th>
                  <Th>{t('documents.admission.file', 'Файл')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {record.admissionDocuments.map((document) => (
                  <Tr key={document.id}>
                    <Td>{document.kindLabel}</Td>
                    <Td>{russian(document.receivedOn)}</Td>
                    <Td>{document.storagePlace ?? '—'}</Td>
                    <Td>{document.note ?? '—'}</Td>
                    <Td>
                      {document.fileName ? (
                        <Button
                          variant="tertiary"
                          size="S"
                          startIcon={<Download />}
                          onClick={() =>
                            download(
                              `${BASE}/documents/pupils/${pupil}/admission-documents/${document.id}`,
                              document.fileName ?? 'document',
                            )
                          }
                        >
                          {document.fileName}
                        </Button>
                      ) : (
                        '—'
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </ListState>
        </Section>
      ) : null}

      <Section
        title={t('documents.years.title', 'Результаты по годам (из журнала)')}
        actions={
          file && allowedActions.canIssue ? (
            <Flex gap={2} alignItems="flex-end">
              <Select
                label={t('documents.fill.year', 'Учебный год')}
                value={fillYear}
                onChange={setFillYear}
                options={years.map(([documentId, title]) => [documentId, title])}
              />
              <Button startIcon={<Pencil />} disabled={!fillYear} onClick={() => setConfirming(true)}>
                {t('documents.fill.button', 'Заполнить год из журнала')}
              </Button>
            </Flex>
          ) : null
        }
      >
        <ListState
          isLoading={false}
          isEmpty={record.years.length === 0}
          empty={t('documents.years.empty', 'Годы в личное дело ещё не заполнены')}
        >
          <Table colCount={5} rowCount={record.years.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('documents.column.year', 'Учебный год')}</Th>
                <Th>{t('documents.column.class', 'Класс')}</Th>
                <Th>{t('documents.column.marks', 'Итоговые отметки')}</Th>
                <Th>{t('documents.column.decision', 'Решение педсовета')}</Th>
                <Th>{t('documents.column.certified', 'Заверено')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {record.years.map((year) => (
                <Tr key={year.documentId}>
                  <Td>{year.academicYear}</Td>
                  <Td>{year.schoolClass ?? '—'}</Td>
                  <Td style={{ whiteSpace: 'normal' }}>
                    <Typography variant="pi">{year.marks.map((mark) => `${mark.subject} — ${mark.value}`).join('; ') || '—'}</Typography>
                  </Td>
                  <Td>{year.decision && DECISIONS[year.decision] ? t(DECISIONS[year.decision][0], DECISIONS[year.decision][1]) : '—'}</Td>
                  <Td>
                    {year.certifiedAt ? (
                      <Badge variant="success">{`${russian(year.certifiedAt)} · ${year.certifiedBy ?? '—'}`}</Badge>
                    ) : (
                      <Muted>{t('documents.years.notCertified', 'не заверено классным руководителем')}</Muted>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
      </Section>

      <Section
        title={t('documents.certificates.title', 'Аттестаты в книге выдачи')}
        actions={
          allowedActions.canIssue ? (
            <Button variant="secondary" onClick={() => setIssuing(true)}>
              {t('documents.certificate.button', 'Зарегистрировать аттестат')}
            </Button>
          ) : null
        }
      >
        <ListState
          isLoading={false}
          isEmpty={record.certificates.length === 0}
          empty={t('documents.certificates.empty', 'Аттестатов обучающемуся не выдавали')}
        >
          <Table colCount={6} rowCount={record.certificates.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('documents.column.registration', '№ в книге')}</Th>
                <Th>{t('documents.column.level', 'Уровень')}</Th>
                <Th>{t('documents.column.blank', 'Бланк')}</Th>
                <Th>{t('documents.column.issuedOn', 'Дата выдачи')}</Th>
                <Th>{t('documents.column.award', 'Отличие, медаль')}</Th>
                <Th>{t('documents.column.supplement', 'Приложение')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {record.certificates.map((entry) => (
                <Tr key={entry.documentId}>
                  <Td>{`${entry.registrationNumber ?? '—'} (${entry.bookYear ?? '—'})${entry.kind !== 'original' ? ` · ${entry.kind}` : ''}`}</Td>
                  <Td>
                    {entry.level === 'basic-general'
                      ? t('documents.level.basic', 'Основное общее (9 класс)')
                      : t('documents.level.secondary', 'Среднее общее (11 класс)')}
                  </Td>
                  <Td>{entry.blankNumber ?? '—'}</Td>
                  <Td>{russian(entry.issuedOn)}</Td>
                  <Td>
                    {[
                      entry.withDistinction ? t('documents.award.distinction', 'с отличием') : null,
                      entry.medal
                        ? t('documents.award.medal', 'медаль {degree} степени', { degree: entry.medal === 'first-degree' ? 'I' : 'II' })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </Td>
                  <Td>
                    {entry.kind !== 'annulment' ? (
                      <Button
                        variant="tertiary"
                        size="S"
                        startIcon={<FilePdf />}
                        onClick={() =>
                          download(`${BASE}/documents/pupils/${pupil}/certificates/${entry.documentId}/supplement.pdf`, 'prilozhenie.pdf')
                        }
                      >
                        PDF
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
      </Section>

      <Section
        title={t('documents.study.section', 'Справки об обучении (книга регистрации справок)')}
        actions={
          allowedActions.canIssue ? (
            <Button variant="secondary" onClick={() => setIssuingStudy(true)}>
              {t('documents.study.button', 'Выдать справку об обучении')}
            </Button>
          ) : null
        }
      >
        <ListState
          isLoading={false}
          isEmpty={record.studyCertificates.length === 0}
          empty={t('documents.study.empty', 'Справок об обучении обучающемуся не выдавали')}
        >
          <Table colCount={5} rowCount={record.studyCertificates.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('documents.column.registration', '№ в книге')}</Th>
                <Th>{t('documents.column.issuedOn', 'Дата выдачи')}</Th>
                <Th>{t('documents.study.reason', 'Основание выдачи')}</Th>
                <Th>{t('documents.column.class', 'Класс')}</Th>
                <Th>{t('documents.study.pdf', 'Справка')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {record.studyCertificates.map((entry) => (
                <Tr key={entry.documentId}>
                  <Td>
                    {`${entry.registrationNumber ?? '—'}/${entry.bookYear ?? '—'}`}
                    {entry.kind === 'annulment' ? ` · ${t('documents.study.annulment', 'аннулирование')}` : ''}
                    {entry.annulled ? (
                      <>
                        {' '}
                        <Badge variant="danger">{t('documents.study.annulled', 'аннулирована')}</Badge>
                      </>
                    ) : null}
                  </Td>
                  <Td>{russian(entry.issuedOn)}</Td>
                  <Td>
                    {entry.reason && STUDY_REASONS[entry.reason] ? t(STUDY_REASONS[entry.reason][0], STUDY_REASONS[entry.reason][1]) : '—'}
                  </Td>
                  <Td>{entry.classes ?? '—'}</Td>
                  <Td>
                    {entry.kind === 'original' && !entry.annulled ? (
                      <Button
                        variant="tertiary"
                        size="S"
                        startIcon={<FilePdf />}
                        onClick={() =>
                          download(
                            `${BASE}/documents/pupils/${pupil}/study-certificates/${entry.documentId}/certificate.pdf`,
                            'spravka-ob-obuchenii.pdf',
                          )
                        }
                      >
                        PDF
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ListState>
      </Section>

      {confirming ? (
        <ConfirmDialog
          title={t('documents.fill.confirm.title', 'Заполнить год из журнала?')}
          text={t(
            'documents.fill.confirm.text',
            'Годовые отметки выбранного года будут перенесены в личное дело. Заверенный классным руководителем год не изменяется.',
          )}
          confirmLabel={t('documents.fill.button', 'Заполнить год из журнала')}
          variant="default"
          onConfirm={fill}
          onClose={() => setConfirming(false)}
        />
      ) : null}
      {certifying ? (
        <ProgressCertificateModal pupil={pupil} guardians={record.guardians} onClose={() => setCertifying(false)} onSaved={loaded.reload} />
      ) : null}
      {issuingFile ? <IssueFileModal pupil={pupil} onClose={() => setIssuingFile(false)} onSaved={loaded.reload} /> : null}
      {issuingStudy ? <StudyCertificateModal pupil={pupil} onClose={() => setIssuingStudy(false)} onSaved={loaded.reload} /> : null}
      {issuing ? <CertificateModal pupil={pupil} onClose={() => setIssuing(false)} onSaved={loaded.reload} /> : null}
    </>
  );
};

const Prints = () => {
  const { t } = useT();
  const download = useDownload();
  const choices = useLoad<{ data: Choices[] }>(`${BASE}/documents/choices`);
  const years = choices.data?.data ?? [];
  const [yearId, setYearId] = React.useState('');
  const [classId, setClassId] = React.useState('');
  const [periodId, setPeriodId] = React.useState('');
  const year = years.find((candidate) => candidate.documentId === yearId) ?? years[0];
  const [bookYear, setBookYear] = React.useState(String(new Date().getFullYear()));
  return (
    <Section title={t('documents.prints.title', 'Печатные формы')}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Select
          label={t('documents.fill.year', 'Учебный год')}
          value={year?.documentId ?? ''}
          onChange={(value) => {
            setYearId(value);
            setClassId('');
            setPeriodId('');
          }}
          options={years.map((candidate) => [candidate.documentId, candidate.title])}
        />
        <Select
          label={t('documents.column.class', 'Класс')}
          value={classId}
          onChange={setClassId}
          options={(year?.classes ?? []).map((row) => [row.documentId, row.name])}
        />
        <Select
          label={t('documents.prints.period', 'Учебный период')}
          value={periodId}
          onChange={setPeriodId}
          options={(year?.periods ?? []).map((row) => [
            row.documentId,
            row.closed ? row.title : `${row.title} (${t('documents.prints.open', 'не закрыт')})`,
          ])}
        />
      </Flex>
      <Flex gap={2} paddingTop={4} wrap="wrap">
        <Button
          startIcon={<FilePdf />}
          disabled={!classId || !periodId}
          onClick={() => download(`${BASE}/documents/prints/journal.pdf`, 'zhurnal.pdf', { period: periodId, schoolClass: classId })}
        >
          {t('documents.prints.journal', 'Журнал класса за период с листом контроля (PDF)')}
        </Button>
        <Button
          variant="secondary"
          startIcon={<FilePdf />}
          disabled={!classId}
          onClick={() => download(`${BASE}/documents/prints/summary`, 'svodnaya-vedomost.pdf', { schoolClass: classId, format: 'pdf' })}
        >
          {t('documents.prints.summaryPdf', 'Сводная ведомость за год (PDF)')}
        </Button>
        <Button
          variant="secondary"
          startIcon={<Download />}
          disabled={!classId}
          onClick={() => download(`${BASE}/documents/prints/summary`, 'svodnaya-vedomost.xlsx', { schoolClass: classId, format: 'xlsx' })}
        >
          {t('documents.prints.summaryXlsx', 'Сводная ведомость за год (XLSX)')}
        </Button>
        <Button
          variant="secondary"
          startIcon={<Download />}
          disabled={!classId}
          onClick={() => download(`${BASE}/documents/prints/cards.zip`, 'lichnye-karty.zip', { schoolClass: classId })}
        >
          {t('documents.prints.cards', 'Личные карты класса (ZIP)')}
        </Button>
        <Button
          variant="secondary"
          startIcon={<FilePdf />}
          disabled={!classId}
          onClick={() => download(`${BASE}/documents/prints/files-inventory.pdf`, 'opis-lichnyh-del.pdf', { schoolClass: classId })}
        >
          {t('documents.prints.inventory', 'Опись личных дел класса (PDF)')}
        </Button>
      </Flex>
      <Flex gap={2} paddingTop={4} alignItems="flex-end" wrap="wrap">
        <Field.Root name="bookYear" width="160px">
          <Field.Label>{t('documents.prints.bookYear', 'Год книги')}</Field.Label>
          <TextInput value={bookYear} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setBookYear(event.target.value)} />
        </Field.Root>
        <Button
          variant="secondary"
          startIcon={<FilePdf />}
          disabled={!/^\d{4}$/.test(bookYear)}
          onClick={() =>
            download(`${BASE}/documents/prints/study-certificate-book.pdf`, 'kniga-spravok-ob-obuchenii.pdf', { year: bookYear })
          }
        >
          {t('documents.prints.studyBook', 'Книга регистрации справок об обучении за год (PDF)')}
        </Button>
      </Flex>
    </Section>
  );
};

export const DocumentsPage = () => {
  const { t } = useT();
  const [pupil, setPupil] = React.useState<string | null>(null);
  return (
    <Page.Protect permissions={DOCUMENTS_PERMISSIONS}>
      <Page.Main>
        <Page.Title>{t('documents.title', 'Документы')}</Page.Title>
        <Layouts.Header
          title={t('documents.title', 'Документы')}
          subtitle={t(
            'documents.subtitle',
            'Личные дела и результаты по годам, личные карты, аттестаты, печатные формы журналов и ведомостей, книга учёта бланков аттестатов',
          )}
        />
        <Layouts.Content>
          <PupilSearch onPick={setPupil} />
          {pupil ? <PupilRecord key={pupil} pupil={pupil} /> : null}
          <Prints />
          <BlankRegister />
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export default DocumentsPage;
