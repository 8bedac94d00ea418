import * as React from 'react';
import { styled } from 'styled-components';
import { WORK_TYPE } from '../../components/labels';
import { useT } from '../../utils/translations';
import {
  cellEditText,
  cellKey,
  cellShown,
  shortDate,
  takesPoints,
  type GridCellData,
  type GridLesson,
  type GridPupil,
  type JournalGrid,
  type PointsLevel,
} from './types';

/**
 * The journal as a spreadsheet: pupils down, lessons across, then the average (a hint) and the
 * period mark. Arrows, Tab, Enter, Home/End (Ctrl: the grid's corners) and PageUp/PageDown move;
 * typing starts editing; Enter or Tab saves; Escape cancels; Delete clears a cell. One row re-renders when its cells change, so 35 × 50 stays smooth.
 * In a control work column with a maximum the cell shows the mark with its points («5 · 18/20», the
 * level reached as its title) and takes them typed after a slash («5/18»).
 */

/** Translation keys of the levels the points reach. */
const LEVEL_TEXT: Record<PointsLevel, [string, string]> = {
  'below-basic': ['grid.points.level.below-basic', 'ниже базового'],
  basic: ['grid.points.level.basic', 'базовый'],
  advanced: ['grid.points.level.advanced', 'повышенный'],
};

const Scroll = styled.div`
  overflow: auto;
  max-height: calc(100vh - 260px);
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  border-radius: 4px;
  background: ${({ theme }) => theme.colors.neutral0};
  &:focus {
    outline: 2px solid ${({ theme }) => theme.colors.primary500};
    outline-offset: 1px;
  }
`;

const Table = styled.table`
  border-collapse: separate;
  border-spacing: 0;
  font-size: 1.3rem;
  color: ${({ theme }) => theme.colors.neutral800};
  th,
  td {
    border-right: 1px solid ${({ theme }) => theme.colors.neutral150};
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};
    height: 32px;
    padding: 0 6px;
    white-space: nowrap;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: ${({ theme }) => theme.colors.neutral100};
    font-weight: 600;
    height: 52px;
  }
  .pupil {
    position: sticky;
    left: 36px;
    z-index: 1;
    background: ${({ theme }) => theme.colors.neutral0};
    min-width: 220px;
    text-align: left;
  }
  thead .pupil {
    z-index: 3;
    background: ${({ theme }) => theme.colors.neutral100};
  }
  .number {
    position: sticky;
    left: 0;
    z-index: 1;
    box-sizing: border-box;
    width: 36px;
    min-width: 36px;
    max-width: 36px;
    text-align: right;
    background: ${({ theme }) => theme.colors.neutral0};
    color: ${({ theme }) => theme.colors.neutral500};
  }
  thead .number {
    z-index: 3;
    background: ${({ theme }) => theme.colors.neutral100};
  }
  .lesson-head {
    min-width: 52px;
    cursor: pointer;
    text-align: center;
    line-height: 1.2;
  }
  .lesson-head:hover {
    background: ${({ theme }) => theme.colors.primary100};
  }
  .lesson-head small {
    display: block;
    font-weight: 400;
    color: ${({ theme }) => theme.colors.neutral600};
  }
  td.cell {
    text-align: center;
    min-width: 52px;
    cursor: cell;
    font-weight: 600;
  }
  td.cell.off {
    background: ${({ theme }) => theme.colors.neutral100};
    cursor: not-allowed;
  }
  td.cell.active {
    box-shadow: inset 0 0 0 2px ${({ theme }) => theme.colors.primary600};
  }
  td.cell.pending {
    color: ${({ theme }) => theme.colors.neutral500};
  }
  td.cell.failed {
    box-shadow: inset 0 0 0 2px ${({ theme }) => theme.colors.danger600};
    background: ${({ theme }) => theme.colors.danger100};
  }
  td.average {
    text-align: center;
    color: ${({ theme }) => theme.colors.neutral600};
    font-style: italic;
    background: ${({ theme }) => theme.colors.neutral100};
  }
  .absence {
    color: ${({ theme }) => theme.colors.danger600};
    margin-right: 3px;
  }
  input {
    width: 100%;
    min-width: 44px;
    border: none;
    outline: none;
    font: inherit;
    text-align: center;
    background: transparent;
  }
`;

export interface GridTableProps {
  grid: JournalGrid;
  cells: Map<string, GridCellData>;
  periodMarks: Map<string, string>;
  averages: Record<string, number | null>;
  pending: Set<string>;
  failed: Map<string, string>;
  onSaveCell: (pupil: GridPupil, lesson: GridLesson, text: string) => void;
  onSavePeriodMark: (pupil: GridPupil, text: string) => void;
  onOpenLesson: (lesson: GridLesson) => void;
}

interface Position {
  row: number;
  col: number;
}

const PERIOD_KEY = 'period';
/** Rows PageUp and PageDown move by. */
const PAGE_ROWS = 10;

/** Whether a pupil's cell in a lesson column can be written (on the list that day, lesson already held). */
const cellOpen = (grid: JournalGrid, pupil: GridPupil, lesson: GridLesson): boolean =>
  grid.access.write && lesson.date <= grid.today && (!pupil.from || lesson.date >= pupil.from) && (!pupil.to || lesson.date <= pupil.to);

const CellContent = ({ text }: { text: string }) => {
  const [first, ...rest] = text.split(' ');
  if (['н', 'б', 'у', 'о'].includes(first)) {
    return (
      <>
        <span className="absence">{first}</span>
        {rest.join(' ')}
      </>
    );
  }
  return <>{text}</>;
};

interface RowProps {
  grid: JournalGrid;
  pupil: GridPupil;
  row: number;
  cellTexts: string[];
  /** The title of each lesson cell (the level its points reach), '' for none. */
  cellHints: string[];
  periodMark: string;
  average: number | null;
  activeCol: number;
  editing: string | null;
  /** Keys of this row's cells being saved, joined with «|» (a string keeps the row's memo cheap). */
  pendingKeys: string;
  /** This row's refused cells as JSON [key, message] pairs. */
  failedEntries: string;
  onPick: (position: Position) => void;
  onEditChange: (text: string) => void;
  onEditKey: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  onEditBlur: () => void;
}

const sameRow = (previous: RowProps, next: RowProps): boolean =>
  (Object.keys(next) as Array<keyof RowProps>).every((key) =>
    key === 'cellTexts' || key === 'cellHints'
      ? previous[key].length === next[key].length && previous[key].every((text, index) => text === next[key][index])
      : typeof next[key] === 'function' || previous[key] === next[key],
  );

const GridRow = React.memo(function GridRow({
  grid,
  pupil,
  row,
  cellTexts,
  cellHints,
  periodMark,
  average,
  activeCol,
  editing,
  pendingKeys,
  failedEntries,
  onPick,
  onEditChange,
  onEditKey,
  onEditBlur,
}: RowProps) {
  const rowPending = new Set(pendingKeys.split('|'));
  const rowFailed = new Map(JSON.parse(failedEntries) as Array<[string, string]>);
  const activeRef = React.useRef<HTMLTableCellElement | null>(null);
  React.useEffect(() => {
    activeRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeCol]);
  const renderCell = (col: number, key: string, text: string, open: boolean, label: string, hint = '') => {
    const active = col === activeCol;
    const failed = rowFailed.get(key);
    const className = ['cell', open ? '' : 'off', active ? 'active' : '', rowPending.has(key) ? 'pending' : '', failed ? 'failed' : '']
      .filter(Boolean)
      .join(' ');
    return (
      <td
        key={key}
        ref={active ? activeRef : undefined}
        className={className}
        data-row={row}
        data-col={col}
        aria-label={label}
        title={failed ?? (hint || undefined)}
        onMouseDown={() => onPick({ row, col })}
      >
        {active && editing !== null ? (
          <input
            autoFocus
            aria-label={label}
            value={editing}
            onChange={(event) => onEditChange(event.target.value)}
            onKeyDown={onEditKey}
            onBlur={onEditBlur}
          />
        ) : (
          <CellContent text={text} />
        )}
      </td>
    );
  };
  return (
    <tr>
      <td className="number">{pupil.number}</td>
      <td className="pupil">
        {pupil.fullName}
        {pupil.specialConditions ? <span title="Специальные условия обучения"> ◆</span> : null}
      </td>
      {grid.lessons.map((lesson, col) =>
        renderCell(
          col,
          cellKey(pupil.documentId, lesson.documentId),
          cellTexts[col],
          cellOpen(grid, pupil, lesson),
          `${pupil.fullName}, ${shortDate(lesson.date)}`,
          cellHints[col],
        ),
      )}
      <td className="average">{average === null ? '' : average.toFixed(2)}</td>
      {renderCell(
        grid.lessons.length,
        cellKey(pupil.documentId, PERIOD_KEY),
        periodMark,
        grid.access.write,
        `${pupil.fullName}, ${grid.period.title}`,
      )}
    </tr>
  );
}, sameRow);

export const GridTable = ({
  grid,
  cells,
  periodMarks,
  averages,
  pending,
  failed,
  onSaveCell,
  onSavePeriodMark,
  onOpenLesson,
}: GridTableProps) => {
  const { t, tm } = useT();
  const scrollRef = React.useRef<HTMLDivElement | null>(null);
  const [position, setPosition] = React.useState<Position>({ row: 0, col: Math.max(0, lastHeldColumn(grid)) });
  const [editing, setEditingState] = React.useState<string | null>(null);
  // The text being edited, readable at once: Enter and the blur that follows must save only once.
  const editingRef = React.useRef<string | null>(null);
  const setEditing = React.useCallback((text: string | null) => {
    editingRef.current = text;
    setEditingState(text);
  }, []);
  const columns = grid.lessons.length + 1;
  const rows = grid.pupils.length;

  const textAt = React.useCallback(
    ({ row, col }: Position): string => {
      const pupil = grid.pupils[row];
      if (!pupil) return '';
      if (col === grid.lessons.length) return periodMarks.get(pupil.documentId) ?? '';
      const lesson = grid.lessons[col];
      return lesson ? cellEditText(cells.get(cellKey(pupil.documentId, lesson.documentId)), lesson) : '';
    },
    [grid, cells, periodMarks],
  );

  const openAt = ({ row, col }: Position): boolean => {
    const pupil = grid.pupils[row];
    if (!pupil) return false;
    if (col === grid.lessons.length) return grid.access.write;
    const lesson = grid.lessons[col];
    return Boolean(lesson) && cellOpen(grid, pupil, lesson);
  };

  const save = (at: Position, text: string) => {
    const pupil = grid.pupils[at.row];
    if (!pupil || text.trim() === textAt(at).trim()) return;
    if (at.col === grid.lessons.length) onSavePeriodMark(pupil, text);
    else onSaveCell(pupil, grid.lessons[at.col], text);
  };

  const move = (from: Position, rowStep: number, colStep: number): Position => ({
    row: Math.min(rows - 1, Math.max(0, from.row + rowStep)),
    col: Math.min(columns - 1, Math.max(0, from.col + colStep)),
  });

  const finishEdit = (then: Position | null) => {
    const text = editingRef.current;
    if (text === null) return;
    setEditing(null);
    save(position, text);
    if (then) setPosition(then);
    scrollRef.current?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null || rows === 0) return;
    const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (steps[event.key]) {
      event.preventDefault();
      setPosition(move(position, ...steps[event.key]));
    } else if (event.key === 'Tab') {
      event.preventDefault();
      setPosition(move(position, 0, event.shiftKey ? -1 : 1));
    } else if (event.key === 'Home' || event.key === 'End') {
      // Home/End: the row's first or last column; with Ctrl, the grid's first or last cell.
      event.preventDefault();
      const toEnd = event.key === 'End';
      setPosition({
        row: event.ctrlKey || event.metaKey ? (toEnd ? rows - 1 : 0) : position.row,
        col: toEnd ? columns - 1 : 0,
      });
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      setPosition(move(position, event.key === 'PageDown' ? PAGE_ROWS : -PAGE_ROWS, 0));
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (openAt(position)) setEditing(textAt(position));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (openAt(position)) save(position, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      event.preventDefault();
      if (openAt(position)) setEditing(event.key);
    }
  };

  const onEditKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      scrollRef.current?.focus();
    } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      finishEdit(move(position, 1, 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      finishEdit(move(position, -1, 0));
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finishEdit(move(position, 0, event.shiftKey ? -1 : 1));
    }
  };

  const onPick = React.useCallback(
    (at: Position) => {
      setPosition(at);
      scrollRef.current?.focus();
    },
    [setPosition],
  );

  // Two lessons on one day are told apart by their number in the header.
  const sharedDates = React.useMemo(() => {
    const seen = new Set<string>();
    const shared = new Set<string>();
    for (const lesson of grid.lessons) (seen.has(lesson.date) ? shared : seen).add(lesson.date);
    return shared;
  }, [grid]);

  const rowsByPupil = React.useMemo(
    () =>
      grid.pupils.map((pupil) => {
        const rowCells = grid.lessons.map((lesson) => cells.get(cellKey(pupil.documentId, lesson.documentId)));
        return {
          cellTexts: grid.lessons.map((lesson, col) => cellShown(rowCells[col], lesson)),
          cellHints: grid.lessons.map((lesson, col) => {
            const level = takesPoints(lesson) ? rowCells[col]?.marks[0]?.level : null;
            return level ? t('grid.points.level', 'Уровень: {level}', { level: t(...LEVEL_TEXT[level]) }) : '';
          }),
        };
      }),
    // The texts do not change while the page is open: the rows follow the grid and its cells only.
    [grid, cells],
  );

  const pendingOfRow = (pupil: GridPupil) => [...pending].filter((key) => key.startsWith(`${pupil.documentId}:`)).join('|');
  const failedOfRow = (pupil: GridPupil) => JSON.stringify([...failed].filter(([key]) => key.startsWith(`${pupil.documentId}:`)));

  // The rows keep these handlers across renders; they read the latest state through the ref.
  const latest = React.useRef({ onEditKey, finishEdit });
  latest.current = { onEditKey, finishEdit };
  const stableEditKey = React.useCallback((event: React.KeyboardEvent<HTMLInputElement>) => latest.current.onEditKey(event), []);
  const stableEditBlur = React.useCallback(() => latest.current.finishEdit(null), []);

  return (
    <Scroll
      ref={scrollRef}
      tabIndex={0}
      role="grid"
      aria-label={t('grid.label', 'Журнал: обучающиеся и уроки')}
      onKeyDown={onKeyDown}
      data-testid="journal-grid"
    >
      <Table>
        <thead>
          <tr>
            <th className="number">№</th>
            <th className="pupil">{t('grid.pupil', 'Обучающийся')}</th>
            {grid.lessons.map((lesson) => (
              <th
                key={lesson.documentId}
                className="lesson-head"
                title={[
                  lesson.topic,
                  lesson.homework ? `${t('grid.homework', 'Д/з')}: ${lesson.homework}` : null,
                  takesPoints(lesson)
                    ? t('grid.points.column', 'Максимальный балл: {max}. Баллы вводятся после отметки через «/»: 5/18', {
                        max: lesson.maxPoints ?? '',
                      })
                    : null,
                  takesPoints(lesson) && lesson.basicFromPoints !== null && lesson.advancedFromPoints !== null
                    ? t('grid.points.thresholds', 'Базовый уровень — от {basic}, повышенный — от {advanced}', {
                        basic: lesson.basicFromPoints,
                        advanced: lesson.advancedFromPoints,
                      })
                    : null,
                ]
                  .filter(Boolean)
                  .join('\n')}
                onClick={() => onOpenLesson(lesson)}
              >
                {shortDate(lesson.date)}
                <small>
                  {lesson.workType && WORK_TYPE[lesson.workType]
                    ? tm(WORK_TYPE[lesson.workType].short)
                    : sharedDates.has(lesson.date) && lesson.number !== null
                      ? t('grid.lessonNumber', '{number} ур.', { number: lesson.number })
                      : ' '}
                  {lesson.weight && lesson.weight !== 1 ? ` ×${lesson.weight}` : ''}
                  {takesPoints(lesson) ? ` /${lesson.maxPoints}` : ''}
                </small>
              </th>
            ))}
            <th title={t('grid.average.hint', 'Средневзвешенный балл за период — подсказка для отметки за период')}>
              {t('grid.average', 'Ср. балл')}
            </th>
            <th>{grid.period.title}</th>
          </tr>
        </thead>
        <tbody>
          {grid.pupils.map((pupil, row) => (
            <GridRow
              key={pupil.documentId}
              grid={grid}
              pupil={pupil}
              row={row}
              cellTexts={rowsByPupil[row].cellTexts}
              cellHints={rowsByPupil[row].cellHints}
              periodMark={periodMarks.get(pupil.documentId) ?? ''}
              average={averages[pupil.documentId] ?? null}
              activeCol={position.row === row ? position.col : -1}
              editing={position.row === row ? editing : null}
              pendingKeys={pendingOfRow(pupil)}
              failedEntries={failedOfRow(pupil)}
              onPick={onPick}
              onEditChange={setEditing}
              onEditKey={stableEditKey}
              onEditBlur={stableEditBlur}
            />
          ))}
        </tbody>
      </Table>
    </Scroll>
  );
};

/** The column of the last lesson already held: where a teacher starts on a normal day. */
const lastHeldColumn = (grid: JournalGrid): number => {
  let last = 0;
  grid.lessons.forEach((lesson, index) => {
    if (lesson.date <= grid.today) last = index;
  });
  return last;
};
