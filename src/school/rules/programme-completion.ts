/**
 * How far a teacher's work programme has been covered (прохождение программы, seed 000 §5,
 * seed 002 §3.1.4): the lessons planned in the thematic plan against the lessons held in the
 * journal up to a date. Pure functions: the service reads the plan, the lessons and the study
 * periods; this computes.
 */

export interface PlanTopic {
  topic: string;
  /** Lessons (academic hours) planned for the topic. */
  lessons: number;
  /** The planned results of the topic (R91), one per item; none when the plan does not say. */
  plannedResults?: string[];
}

export interface HeldLesson {
  date: string;
  topic: string | null;
}

/** A span of study days: a study period of the school year. */
export interface StudySpan {
  start: string;
  end: string;
}

export interface TopicCompletion {
  topic: string;
  plannedResults: string[];
  planned: number;
  /** Lessons planned for the topic by the date, the topics being taken in the plan's order. */
  plannedToDate: number;
  /** Lessons held whose topic names this topic. */
  delivered: number;
  lagging: boolean;
}

export interface ProgrammeCompletion {
  /** Sum of the thematic plan (or the programme's hours when there is no plan). */
  planned: number;
  /** The share of the planned lessons due by the date, as the study days of the year go by. */
  plannedToDate: number;
  /** Lessons of the journal held up to the date. */
  delivered: number;
  /** delivered / planned, in per cent, rounded. */
  percent: number;
  /** Lessons behind the plan to date (0 when on time or ahead). */
  lag: number;
  lagging: boolean;
  topics: TopicCompletion[];
  /** Lessons held whose topic names no topic of the plan. */
  unmatched: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/**
 * The share (0..1) of the study days of the year that have passed by `date` (inclusive): the days
 * covered by at least one study period (holidays between periods do not count). With no periods
 * the share is 0 before any lesson can be planned.
 */
export const studyDaysShare = (spans: StudySpan[], date: string): number => {
  const days = new Set<number>();
  for (const span of spans) {
    for (let day = dayNumber(span.start); day <= dayNumber(span.end); day += 1) days.add(day);
  }
  if (days.size === 0) return 0;
  const until = dayNumber(date);
  let passed = 0;
  for (const day of days) if (day <= until) passed += 1;
  return passed / days.size;
};

/** Lower case, «ё» as «е», punctuation and runs of spaces folded: how topics are compared. */
export const normaliseTopic = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The plan topic a lesson's topic names: the lesson's topic contains the plan topic's words (or the
 * plan topic contains the lesson's); the longest matching plan topic wins, so «Дроби» does not take
 * the lessons of «Сложение дробей». Null when it names none.
 */
export const topicOfLesson = (plan: PlanTopic[], lessonTopic: string | null): number | null => {
  if (!lessonTopic) return null;
  const lesson = normaliseTopic(lessonTopic);
  if (!lesson) return null;
  let best: number | null = null;
  let bestLength = 0;
  plan.forEach((item, index) => {
    const topic = normaliseTopic(item.topic);
    if (!topic) return;
    if ((lesson.includes(topic) || topic.includes(lesson)) && topic.length > bestLength) {
      best = index;
      bestLength = topic.length;
    }
  });
  return best;
};

/**
 * The programme's completion on `date`: `lessons` are the journal's lessons (any date; those after
 * the date are not counted), `spans` the study periods of its school year, `hoursPerYear` the
 * programme's hours when its plan is empty.
 */
export const programmeCompletion = (input: {
  plan: PlanTopic[];
  hoursPerYear: number | null;
  lessons: HeldLesson[];
  spans: StudySpan[];
  date: string;
}): ProgrammeCompletion => {
  const planSum = input.plan.reduce((sum, item) => sum + Math.max(0, item.lessons), 0);
  const planned = planSum > 0 ? planSum : Math.max(0, input.hoursPerYear ?? 0);
  const plannedToDate = Math.min(planned, Math.floor(planned * studyDaysShare(input.spans, input.date) + 1e-9));
  const held = input.lessons.filter((lesson) => lesson.date <= input.date);
  const delivered = held.length;

  const deliveredByTopic = input.plan.map(() => 0);
  let unmatched = 0;
  for (const lesson of held) {
    const index = topicOfLesson(input.plan, lesson.topic);
    if (index === null) unmatched += 1;
    else deliveredByTopic[index] += 1;
  }
  let before = 0;
  const topics = input.plan.map((item, index): TopicCompletion => {
    const due = Math.max(0, Math.min(item.lessons, plannedToDate - before));
    before += item.lessons;
    return {
      topic: item.topic,
      plannedResults: item.plannedResults ?? [],
      planned: item.lessons,
      plannedToDate: due,
      delivered: deliveredByTopic[index],
      lagging: deliveredByTopic[index] < due,
    };
  });
  const lag = Math.max(0, plannedToDate - delivered);
  return {
    planned,
    plannedToDate,
    delivered,
    percent: planned > 0 ? Math.round((delivered / planned) * 100) : 0,
    lag,
    lagging: lag > 0,
    topics,
    unmatched,
  };
};
