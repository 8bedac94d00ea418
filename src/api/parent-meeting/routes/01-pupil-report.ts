/** The printable report of a pupil's results for the talk with the parents (PDF). */
export default {
  routes: [
    {
      method: 'GET',
      path: '/parent-meetings/pupils/:student/report.pdf',
      handler: 'api::parent-meeting.parent-meeting.pupilReport',
      config: { description: 'A pupil’s results for a study period or the school year, with the talks with the parents (PDF)' },
    },
  ],
};
