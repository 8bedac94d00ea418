import { levelFromPoints, POINTS_LEVELS, type PointsLevel, type PointsThresholds } from './control-work';
import { topicOfLesson, type PlanTopic } from './programme-completion';

/**
 * How the pupils of a journal have mastered the planned results of each topic of the work programme
 * (R91: соответствие фактических результатов планируемым, уровень освоения; seed 002 §1.4, 004 §1.3).
 * A control work checks the topic its lesson's topic names (`topicOfLesson`, as the programme's
 * completion counts lessons); a pupil's level on a topic is the level their points reached on the
 * topic's latest control work they wrote with points against its thresholds. Works without
 * thresholds are listed but give no level: the level is never guessed from a mark.
 */

/** The planned results written for a topic, one per line; blank lines and surrounding spaces dropped. */
export const plannedResultsOf = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s•\-–—*]+/, '').trim())
    .filter((line) => line.length > 0);

export interface MasteryControlWork {
  lesson: string;
  date: string;
  topic: string | null;
  /** The thresholds of the work's levels; null when it has none. */
  thresholds: PointsThresholds | null;
  /** Each pupil's latest result on the work. */
  results: Array<{ student: string; points: number | null }>;
}

export interface MasteryPupil {
  student: string;
  fullName: string;
}

export type LevelCounts = Record<PointsLevel, number>;

export interface TopicMastery {
  topic: string;
  plannedResults: string[];
  controlWorks: Array<{ lesson: string; date: string; topic: string | null; leveled: boolean; levels: LevelCounts | null }>;
  /** Pupils with a level on the topic, and the level. */
  pupils: Array<{ student: string; fullName: string; level: PointsLevel; date: string }>;
  /** Pupils of the journal by the level reached on the topic; `notAssessed` have none yet. */
  levels: LevelCounts & { notAssessed: number };
}

export interface ProgrammeMastery {
  topics: TopicMastery[];
  /** Control works whose topic names no topic of the plan. */
  unmatchedControlWorks: Array<{ lesson: string; date: string; topic: string | null }>;
}

const noLevels = (): LevelCounts => Object.fromEntries(POINTS_LEVELS.map((level) => [level, 0])) as LevelCounts;

export const programmeMastery = (input: {
  plan: Array<PlanTopic & { plannedResults: string[] }>;
  controlWorks: MasteryControlWork[];
  pupils: MasteryPupil[];
}): ProgrammeMastery => {
  const works = [...input.controlWorks].sort((a, b) => a.date.localeCompare(b.date) || a.lesson.localeCompare(b.lesson));
  const byTopic = input.plan.map((): MasteryControlWork[] => []);
  const unmatchedControlWorks: ProgrammeMastery['unmatchedControlWorks'] = [];
  for (const work of works) {
    const index = topicOfLesson(input.plan, work.topic);
    if (index === null) unmatchedControlWorks.push({ lesson: work.lesson, date: work.date, topic: work.topic });
    else byTopic[index].push(work);
  }
  const names = new Map(input.pupils.map((pupil) => [pupil.student, pupil.fullName]));

  const topics = input.plan.map((item, index): TopicMastery => {
    const latest = new Map<string, { level: PointsLevel; date: string }>();
    const controlWorks = byTopic[index].map((work) => {
      const levels = work.thresholds ? noLevels() : null;
      for (const result of work.results) {
        const level = levelFromPoints(result.points, work.thresholds);
        if (!level || !levels) continue;
        levels[level] += 1;
        // Works come in date order: a later work's level replaces the earlier one.
        latest.set(result.student, { level, date: work.date });
      }
      return { lesson: work.lesson, date: work.date, topic: work.topic, leveled: levels !== null, levels };
    });
    const pupils = [...latest.entries()]
      .map(([student, reached]) => ({ student, fullName: names.get(student) ?? '', ...reached }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
    const levels = { ...noLevels(), notAssessed: 0 };
    for (const pupil of pupils) levels[pupil.level] += 1;
    levels.notAssessed = input.pupils.filter((pupil) => !latest.has(pupil.student)).length;
    return { topic: item.topic, plannedResults: item.plannedResults, controlWorks, pupils, levels };
  });
  return { topics, unmatchedControlWorks };
};
