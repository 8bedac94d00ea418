/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/certificate-blanks/receive',
      handler: 'api::certificate-blank.certificate-blank.receive',
      config: { description: 'Registers a receipt of аттестат blanks: one line per number from … to …, in one transaction' },
    },
    {
      method: 'GET',
      path: '/certificate-blanks/balance',
      handler: 'api::certificate-blank.certificate-blank.balance',
      config: {
        description: 'The balance of the register per level: received, issued, spoiled and in the safe, with the numbers in the safe',
      },
    },
    {
      method: 'GET',
      path: '/certificate-blanks/register.pdf',
      handler: 'api::certificate-blank.certificate-blank.register',
      config: {
        description:
          'The printed register of аттестат blanks of a level and a year of receipt, one row per blank, with the balance per level',
      },
    },
  ],
};
