import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Lock, Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { BASE, errorMessage, fieldErrorsOf, useLoad } from '../../api/client';
import { WORK_TYPE } from '../../components/labels';
import { useT } from '../../utils/translations';
import { GridTable } from './GridTable';
import {
  cellKey,
  fullDate,
  shortDate,
  splitPoints,
  takesPoints,
  type GridCellData,
  type GridLesson,
  type GridPupil,
  type JournalChoice,
  type JournalGrid,
} from './types';

const GRID = `${BASE}/journal-grid`;

/** A refused save of a dialog: the server's message and each refused field's own. */
interface SaveRefusal {
  message: string;
  fields: Record<string, string>;
}

/** The fields of a control work's points scale (R91), in the header's order. */
const SCALE_FIELDS = ['maxPoints', 'basicFromPoints', 'advancedFromPoints'] as const;
type ScaleField = (typeof SCALE_FIELDS)[number];

/**
 * The header of a lesson column: topic, homework, work type and weight of its marks; for a control
 * work also its maximum points and the thresholds of the basic and advanced levels.
 */
const LessonModal = ({
  lesson,
  editable,
  onClose,
  onSave,
}: {
  lesson: GridLesson;
  editable: boolean;
  onClose: () => void;
  onSave: (data: Record<string, unknown>) => Promise<SaveRefusal | null>;
}) => {
  const { t, tm } = useT();
  const scaleText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  const [form, setForm] = React.useState({
    topic: lesson.topic ?? '',
    homework: lesson.homework ?? '',
    workType: lesson.workType ?? '',
    weight: lesson.weight === null ? '' : String(lesson.weight),
    maxPoints: scaleText(lesson.maxPoints),
    basicFromPoints: scaleText(lesson.basicFromPoints),
    advancedFromPoints: scaleText(lesson.advancedFromPoints),
  });
  const [busy, setBusy] = React.useState(false);
  const [refusal, setRefusal] = React.useState<SaveRefusal | null>(null);
  const controlWork = form.workType === 'control-work';
  const hadScale = SCALE_FIELDS.some((field) => lesson[field] !== null && lesson[field] !== undefined);
  const submit = async () => {
    setBusy(true);
    const { maxPoints, basicFromPoints, advancedFromPoints, ...header } = form;
    const data: Record<string, unknown> = { ...header, weight: form.weight === '' ? null : Number(form.weight.replace(',', '.')) };
    // The scale is sent for a control work when it was changed (a scale shown from the work's КИМ stays the КИМ's),
    // and cleared when a column that had one stops being one.
    const scaleChanged = SCALE_FIELDS.some((field) => form[field] !== scaleText(lesson[field]));
    if (controlWork && scaleChanged) Object.assign(data, { maxPoints, basicFromPoints, advancedFromPoints });
    else if (hadScale) Object.assign(data, { maxPoints: null, basicFromPoints: null, advancedFromPoints: null });
    const failure = await onSave(data);
    setBusy(false);
    if (failure) setRefusal(failure);
    else onClose();
  };
  const fieldError = (field: string) => refusal?.fields[field];
  // A refusal that names no field of the dialog is shown under the weight, as before.
  const shownFields = ['topic', 'homework', 'workType', 'weight', ...(controlWork ? SCALE_FIELDS : [])];
  const unplaced = refusal && !shownFields.some((field) => refusal.fields[field]) ? refusal.message : undefined;
  const scaleLabels: Record<ScaleField, string> = {
    maxPoints: t('grid.lesson.maxPoints', 'Максимум баллов'),
    basicFromPoints: t('grid.lesson.basicFromPoints', 'Базовый уровень — от, баллов'),
    advancedFromPoints: t('grid.lesson.advancedFromPoints', 'Повышенный уровень — от, баллов'),
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('grid.lesson.title', 'Урок {date}', { date: fullDate(lesson.date) })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="topic" error={fieldError('topic')}>
              <Field.Label>{t('grid.lesson.topic', 'Тема урока')}</Field.Label>
              <TextInput
                disabled={!editable}
                value={form.topic}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, topic: event.target.value })}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root name="homework" error={fieldError('homework')}>
              <Field.Label>{t('grid.lesson.homework', 'Домашнее задание')}</Field.Label>
              <Textarea
                disabled={!editable}
                value={form.homework}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, homework: event.target.value })}
              />
              <Field.Error />
            </Field.Root>
            <Flex gap={4} alignItems="flex-start">
              <Box flex="2">
                <Field.Root
                  name="workType"
                  hint={t('grid.lesson.workType.hint', 'Переносится на все отметки этого урока')}
                  error={fieldError('workType')}
                >
                  <Field.Label>{t('grid.lesson.workType', 'Вид работы')}</Field.Label>
                  <SingleSelect
                    disabled={!editable}
                    value={form.workType}
                    onChange={(value: string | number) => setForm({ ...form, workType: String(value) })}
                  >
                    <SingleSelectOption value="">{t('grid.lesson.workType.none', 'не указан')}</SingleSelectOption>
                    {Object.entries(WORK_TYPE).map(([type, label]) => (
                      <SingleSelectOption key={type} value={type}>
                        {tm(label.full)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Box>
              <Box flex="1">
                <Field.Root name="weight" error={fieldError('weight') ?? unplaced}>
                  <Field.Label>{t('grid.lesson.weight', 'Вес отметок')}</Field.Label>
                  <TextInput
                    disabled={!editable}
                    value={form.weight}
                    placeholder="1"
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, weight: event.target.value })}
                  />
                  <Field.Error />
                </Field.Root>
              </Box>
            </Flex>
            {controlWork ? (
              <Box>
                <Flex gap={4} alignItems="flex-start">
                  {SCALE_FIELDS.map((field) => (
                    <Box flex="1" key={field}>
                      <Field.Root name={field} error={fieldError(field)}>
                        <Field.Label>{scaleLabels[field]}</Field.Label>
                        <TextInput
                          disabled={!editable}
                          value={form[field]}
                          inputMode="numeric"
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [field]: event.target.value })}
                        />
                        <Field.Error />
                      </Field.Root>
                    </Box>
                  ))}
                </Flex>
                <Box paddingTop={1}>
                  <Typography variant="pi" textColor="neutral600">
                    {t(
                      'grid.lesson.scale.hint',
                      'С максимумом баллов отметка этой работы вводится вместе с баллами: «5/18». Пороги уровней задаются вместе; уровень освоения считается по баллам.',
                    )}
                  </Typography>
                </Box>
              </Box>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Modal.Close>
          {editable ? (
            <Button onClick={submit} loading={busy}>
              {t('action.save', 'Сохранить')}
            </Button>
          ) : null}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The deputy director's remark on how the journal is kept (Положение: контроль ведения журнала). */
const RemarkModal = ({ onClose, onSave }: { onClose: () => void; onSave: (data: Record<string, unknown>) => Promise<string | null> }) => {
  const { t } = useT();
  const [form, setForm] = React.useState({ findings: '', remarks: '', fixBy: '' });
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    const failure = await onSave({ findings: form.findings, remarks: form.remarks, fixBy: form.fixBy || null });
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Modal.Root open onOpenChange={(open) => (open || busy ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('grid.remark.title', 'Замечание по ведению журнала')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="findings" required>
              <Field.Label>{t('grid.remark.findings', 'Что выявлено')}</Field.Label>
              <Textarea
                value={form.findings}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, findings: event.target.value })}
              />
            </Field.Root>
            <Field.Root name="remarks">
              <Field.Label>{t('grid.remark.remarks', 'Замечания и предложения')}</Field.Label>
              <Textarea
                value={form.remarks}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, remarks: event.target.value })}
              />
            </Field.Root>
            <Field.Root name="fixBy">
              <Field.Label>{t('grid.remark.fixBy', 'Устранить до')}</Field.Label>
              <TextInput
                type="date"
                value={form.fixBy}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, fixBy: event.target.value })}
              />
            </Field.Root>
            {error ? (
              <Typography textColor="danger600" style={{ whiteSpace: 'normal' }}>
                {error}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              {t('action.cancel', 'Отмена')}
            </Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy}>
            {t('grid.remark.submit', 'Записать замечание')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

const choiceLabel = (journal: JournalChoice): string =>
  [journal.className, journal.subjectName].filter(Boolean).join(' · ') + (journal.yearTitle ? ` (${journal.yearTitle})` : '') ||
  journal.title;

interface Refusal {
  key: string;
  where: string;
  message: string;
}

/** The «Журнал» page: pick a journal and period, fill the grid with the keyboard. */
export const JournalPage = () => {
  const { t } = useT();
  const { put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();
  const choices = useLoad<{ data: { journals: JournalChoice[]; suggested: string | null } }>(`${GRID}/journals`);
  const journalId = params.get('journal') ?? choices.data?.data.suggested ?? null;
  const periodId = params.get('period') ?? undefined;
  const loaded = useLoad<{ data: JournalGrid }>(journalId ? `${GRID}/${journalId}` : null, periodId ? { period: periodId } : undefined);
  const grid = loaded.data?.data ?? null;

  const [cells, setCells] = React.useState(new Map<string, GridCellData>());
  const [periodMarks, setPeriodMarks] = React.useState(new Map<string, string>());
  const [averages, setAverages] = React.useState<Record<string, number | null>>({});
  const [pending, setPending] = React.useState(new Set<string>());
  const [failed, setFailed] = React.useState(new Map<string, string>());
  const [refusal, setRefusal] = React.useState<Refusal | null>(null);
  const [lessonOpen, setLessonOpen] = React.useState<GridLesson | null>(null);
  const [remarkOpen, setRemarkOpen] = React.useState(false);

  React.useEffect(() => {
    if (!grid) return;
    setCells(new Map(grid.cells.map((cell) => [cellKey(cell.pupil, cell.lesson), cell])));
    setPeriodMarks(new Map(grid.periodMarks.map((mark) => [mark.pupil, mark.value])));
    setAverages(grid.averages);
    setPending(new Set());
    setFailed(new Map());
    setRefusal(null);
  }, [grid]);

  const choose = (journal: string, period?: string) => setParams(period ? { journal, period } : { journal });

  const mark = (key: string, failure: string | null) => {
    setPending((previous) => {
      const next = new Set(previous);
      next.delete(key);
      return next;
    });
    setFailed((previous) => {
      const next = new Map(previous);
      if (failure) next.set(key, failure);
      else next.delete(key);
      return next;
    });
  };

  const onSaveCell = async (pupil: GridPupil, lesson: GridLesson, text: string) => {
    if (!grid) return;
    const key = cellKey(pupil.documentId, lesson.documentId);
    const before = cells.get(key);
    // A control work with a maximum: «5/18» is the mark and its points; without «/…» the points are cleared.
    const typed = takesPoints(lesson) ? splitPoints(text) : { text, points: undefined };
    // Optimistic: the typed text shows at once (greyed) until the server answers.
    setCells((previous) =>
      new Map(previous).set(key, { pupil: pupil.documentId, lesson: lesson.documentId, ...typedCell(typed.text, typed.points) }),
    );
    setPending((previous) => new Set(previous).add(key));
    try {
      const { data } = await put<{ data: { cell: GridCellData; average: number | null } }>(`${GRID}/${grid.journal.documentId}/cells`, {
        data: { lesson: lesson.documentId, student: pupil.documentId, ...typed },
      });
      setCells((previous) => new Map(previous).set(key, data.data.cell));
      setAverages((previous) => ({ ...previous, [pupil.documentId]: data.data.average }));
      mark(key, null);
      setRefusal((previous) => (previous?.key === key ? null : previous));
    } catch (error) {
      setCells((previous) => {
        const next = new Map(previous);
        if (before) next.set(key, before);
        else next.delete(key);
        return next;
      });
      const message = errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос');
      mark(key, message);
      setRefusal({ key, where: `${pupil.fullName}, ${shortDate(lesson.date)}`, message });
    }
  };

  const onSavePeriodMark = async (pupil: GridPupil, text: string) => {
    if (!grid) return;
    const key = cellKey(pupil.documentId, 'period');
    const before = periodMarks.get(pupil.documentId);
    setPeriodMarks((previous) => new Map(previous).set(pupil.documentId, text.trim()));
    setPending((previous) => new Set(previous).add(key));
    try {
      const { data } = await put<{ data: { periodMark: { value: string } | null } }>(`${GRID}/${grid.journal.documentId}/period-marks`, {
        data: { period: grid.period.documentId, student: pupil.documentId, value: text },
      });
      setPeriodMarks((previous) => {
        const next = new Map(previous);
        if (data.data.periodMark) next.set(pupil.documentId, data.data.periodMark.value);
        else next.delete(pupil.documentId);
        return next;
      });
      mark(key, null);
      setRefusal((previous) => (previous?.key === key ? null : previous));
    } catch (error) {
      setPeriodMarks((previous) => {
        const next = new Map(previous);
        if (before) next.set(pupil.documentId, before);
        else next.delete(pupil.documentId);
        return next;
      });
      const message = errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос');
      mark(key, message);
      setRefusal({ key, where: `${pupil.fullName}, ${grid.period.title}`, message });
    }
  };

  const onSaveLesson = async (data: Record<string, unknown>): Promise<SaveRefusal | null> => {
    if (!grid || !lessonOpen) return null;
    try {
      await put(`${GRID}/${grid.journal.documentId}/lessons/${lessonOpen.documentId}`, { data });
      toggleNotification({ type: 'success', message: t('grid.lesson.saved', 'Урок сохранён') });
      loaded.reload();
      return null;
    } catch (error) {
      return { message: errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос'), fields: fieldErrorsOf(error) };
    }
  };

  const onSaveRemark = async (data: Record<string, unknown>): Promise<string | null> => {
    if (!grid) return null;
    try {
      await post(`${GRID}/${grid.journal.documentId}/remarks`, { data });
      toggleNotification({ type: 'success', message: t('grid.remark.saved', 'Замечание записано, учитель увидит его в журнале') });
      loaded.reload();
      return null;
    } catch (error) {
      return errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос');
    }
  };

  const journals = choices.data?.data.journals ?? [];
  const openRemarks = grid?.remarks.filter((remark) => remark.state !== 'fixed') ?? [];

  return (
    <Page.Main>
      <Page.Title>{t('grid.title', 'Журнал')}</Page.Title>
      <Layouts.Header
        title={grid ? choiceLabel({ ...grid.journal, yearDocumentId: null }) : t('grid.title', 'Журнал')}
        subtitle={
          grid
            ? t(
                'grid.subtitle',
                'Учителя: {teachers}. Вводите отметки с клавиатуры: стрелки, Enter, Tab; н — отсутствовал, б — болел, у — уважительная причина, о — опоздал; Delete очищает клетку',
                {
                  teachers: grid.journal.teachers.join(', ') || '—',
                },
              )
            : undefined
        }
        primaryAction={
          grid?.access.remark ? (
            <Button startIcon={<Plus />} onClick={() => setRemarkOpen(true)}>
              {t('grid.remark.add', 'Замечание')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" paddingBottom={4} wrap="wrap">
          <Box minWidth="320px">
            <Field.Root name="journal">
              <Field.Label>{t('grid.journal', 'Журнал')}</Field.Label>
              <SingleSelect
                value={journalId ?? ''}
                placeholder={t('grid.journal.placeholder', 'Выберите класс и предмет')}
                onChange={(value: string | number) => choose(String(value))}
              >
                {journals.map((journal) => (
                  <SingleSelectOption key={journal.documentId} value={journal.documentId}>
                    {choiceLabel(journal)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          {grid ? (
            <Box minWidth="200px">
              <Field.Root name="period">
                <Field.Label>{t('grid.period', 'Учебный период')}</Field.Label>
                <SingleSelect
                  value={grid.period.documentId}
                  onChange={(value: string | number) => choose(grid.journal.documentId, String(value))}
                >
                  {grid.periods.map((period) => (
                    <SingleSelectOption key={period.documentId} value={period.documentId}>
                      {period.title}
                      {period.state === 'closed' ? ` — ${t('grid.period.closed.short', 'закрыт')}` : ''}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          ) : null}
          {grid?.period.locked ? (
            <Badge variant="danger" data-testid="period-locked">
              <Flex gap={1}>
                <Lock />
                {t('grid.period.locked', 'Период закрыт и сдан в архив: только просмотр')}
              </Flex>
            </Badge>
          ) : grid && !grid.access.write ? (
            <Badge>{t('grid.readonly', 'Только просмотр')}</Badge>
          ) : null}
        </Flex>

        {refusal ? (
          <Box
            padding={3}
            marginBottom={4}
            background="danger100"
            hasRadius
            borderColor="danger200"
            role="alert"
            data-testid="grid-refusal"
          >
            <Typography textColor="danger700" style={{ whiteSpace: 'normal' }}>
              {t('grid.refused', 'Не сохранено ({where}): {message}', { where: refusal.where, message: refusal.message })}
            </Typography>
          </Box>
        ) : null}

        {openRemarks.length > 0 ? (
          <Box padding={3} marginBottom={4} background="warning100" hasRadius borderColor="warning200" data-testid="grid-remarks">
            <Typography variant="sigma" textColor="warning700">
              {t('grid.remarks', 'Замечания по ведению журнала')}
            </Typography>
            {openRemarks.map((remark) => (
              <Typography key={remark.documentId} tag="p" style={{ whiteSpace: 'normal' }}>
                {fullDate(remark.inspectedOn)}: {remark.findings}
                {remark.remarks ? ` — ${remark.remarks}` : ''}
                {remark.fixBy ? ` (${t('grid.remark.until', 'устранить до {date}', { date: fullDate(remark.fixBy) })})` : ''}
              </Typography>
            ))}
          </Box>
        ) : null}

        {choices.isLoading || loaded.isLoading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('state.loading', 'Загрузка…')}</Loader>
          </Flex>
        ) : !grid ? (
          <Typography textColor="neutral600">
            {journals.length === 0
              ? t(
                  'grid.none',
                  'Нет журналов, которые вы ведёте. Учётная запись панели связывается с учётной записью учителя по адресу электронной почты.',
                )
              : t('grid.pick', 'Выберите журнал')}
          </Typography>
        ) : grid.pupils.length === 0 ? (
          <Typography textColor="neutral600">{t('grid.noPupils', 'В этом периоде в списке класса нет обучающихся')}</Typography>
        ) : (
          <GridTable
            key={`${grid.journal.documentId}:${grid.period.documentId}`}
            grid={grid}
            cells={cells}
            periodMarks={periodMarks}
            averages={averages}
            pending={pending}
            failed={failed}
            onSaveCell={onSaveCell}
            onSavePeriodMark={onSavePeriodMark}
            onOpenLesson={setLessonOpen}
          />
        )}
        {lessonOpen && grid ? (
          <LessonModal lesson={lessonOpen} editable={grid.access.write} onClose={() => setLessonOpen(null)} onSave={onSaveLesson} />
        ) : null}
        {remarkOpen ? <RemarkModal onClose={() => setRemarkOpen(false)} onSave={onSaveRemark} /> : null}
      </Layouts.Content>
    </Page.Main>
  );
};

const LETTERS: Record<string, GridCellData['attendance']> = {
  н: { documentId: '', kind: 'absent' },
  б: { documentId: '', kind: 'ill' },
  у: { documentId: '', kind: 'excused' },
  о: { documentId: '', kind: 'late' },
};

/** The typed text (and points) as a cell, for showing it before the server answers. */
const typedCell = (text: string, points?: string | null): Pick<GridCellData, 'marks' | 'attendance'> => {
  const words = text
    .trim()
    .toLowerCase()
    .split(/[\s/,;]+/)
    .filter(Boolean);
  return {
    attendance: words.map((word) => LETTERS[word]).find(Boolean) ?? null,
    marks: words
      .filter((word) => !LETTERS[word])
      .map((value, index) => ({
        documentId: '',
        value,
        weight: null,
        workType: null,
        points: index === 0 && points ? Number(points) : null,
        level: null,
      })),
  };
};

export default JournalPage;
