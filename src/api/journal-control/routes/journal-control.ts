/**
 * The school's control of journal keeping (seed 002 §3.1.8: «ежедневное и достоверное заполнение»):
 * the daily check of the lessons of a day. role-permissions.ts grants the action to teachers (their
 * own lessons), the deputy director and the director (the whole school).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/journal-control/daily',
      handler: 'api::journal-control.journal-control.daily',
      config: { description: 'Lessons of a day without a topic, attendance or marks, per teacher' },
    },
  ],
};
