import { requireAction } from './require-action';

/** Admin routes of the paper archive («Бумажный архив»), under /records-archive/paper-archive. Nothing is deleted here. */
const read = requireAction('paper-archive.read');
const manage = requireAction('paper-archive.manage');

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/paper-archive/choices', handler: 'paper-archive.choices', config: read },
    { method: 'GET', path: '/paper-archive/carriers', handler: 'paper-archive.findCarriers', config: read },
    { method: 'GET', path: '/paper-archive/stored-certificates', handler: 'paper-archive.storedCertificates', config: read },
    {
      method: 'POST',
      path: '/paper-archive/stored-certificates/:carrier/return',
      handler: 'paper-archive.returnCertificate',
      config: manage,
    },
    {
      method: 'GET',
      path: '/paper-archive/stored-certificates/:carrier/receipt.pdf',
      handler: 'paper-archive.certificateReceipt',
      config: read,
    },
    { method: 'POST', path: '/paper-archive/carriers', handler: 'paper-archive.createCarrier', config: manage },
    { method: 'POST', path: '/paper-archive/carriers/register-journals', handler: 'paper-archive.registerJournals', config: manage },
    { method: 'GET', path: '/paper-archive/carriers/:id', handler: 'paper-archive.findCarrier', config: read },
    { method: 'PUT', path: '/paper-archive/carriers/:id', handler: 'paper-archive.updateCarrier', config: manage },
    { method: 'GET', path: '/paper-archive/nomenclature.pdf', handler: 'paper-archive.nomenclaturePdf', config: read },
    { method: 'GET', path: '/paper-archive/checks/schedule', handler: 'paper-archive.schedule', config: read },
    { method: 'GET', path: '/paper-archive/checks', handler: 'paper-archive.findChecks', config: read },
    { method: 'POST', path: '/paper-archive/checks', handler: 'paper-archive.createCheck', config: manage },
    { method: 'GET', path: '/paper-archive/checks/:id', handler: 'paper-archive.findCheck', config: read },
    { method: 'PUT', path: '/paper-archive/checks/:id', handler: 'paper-archive.updateCheck', config: manage },
    {
      method: 'POST',
      path: '/paper-archive/checks/:id/sign',
      handler: 'paper-archive.signCheck',
      config: requireAction('paper-archive.sign'),
    },
    { method: 'GET', path: '/paper-archive/checks/:id/pdf', handler: 'paper-archive.checkPdf', config: read },
  ],
};
