import { requireAction } from './require-action';

/** Admin routes of the secretary's «Документы», under /records-archive/documents. */
export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/documents/choices', handler: 'documents.choices', config: requireAction('documents.read') },
    { method: 'GET', path: '/documents/pupils', handler: 'documents.searchPupils', config: requireAction('documents.read') },
    { method: 'GET', path: '/documents/pupils/:student', handler: 'documents.pupil', config: requireAction('documents.read') },
    {
      method: 'POST',
      path: '/documents/pupils/:student/fill-year',
      handler: 'documents.fillYear',
      config: requireAction('documents.issue'),
    },
    {
      method: 'GET',
      path: '/documents/pupils/:student/admission-documents/:document',
      handler: 'documents.admissionDocument',
      config: requireAction('documents.read'),
    },
    {
      method: 'GET',
      path: '/documents/pupils/:student/card.pdf',
      handler: 'documents.personalCard',
      config: requireAction('documents.read'),
    },
    {
      method: 'POST',
      path: '/documents/pupils/:student/certificate',
      handler: 'documents.issueCertificate',
      config: requireAction('documents.issue'),
    },
    {
      method: 'GET',
      path: '/documents/pupils/:student/certificates/:entry/supplement.pdf',
      handler: 'documents.certificateSupplement',
      config: requireAction('documents.read'),
    },
    {
      method: 'POST',
      path: '/documents/pupils/:student/study-certificate',
      handler: 'documents.issueStudyCertificate',
      config: requireAction('documents.issue'),
    },
    {
      method: 'GET',
      path: '/documents/pupils/:student/study-certificates/:entry/certificate.pdf',
      handler: 'documents.studyCertificatePdf',
      config: requireAction('documents.read'),
    },
    {
      method: 'GET',
      path: '/documents/prints/study-certificate-book.pdf',
      handler: 'documents.studyCertificateBook',
      config: requireAction('documents.read'),
    },
    {
      method: 'POST',
      path: '/documents/pupils/:student/progress-certificate',
      handler: 'documents.progressCertificate',
      config: requireAction('documents.issue'),
    },
    {
      method: 'GET',
      path: '/documents/pupils/:student/requests/:request/document.pdf',
      handler: 'documents.requestDocument',
      config: requireAction('documents.read'),
    },
    {
      method: 'POST',
      path: '/documents/pupils/:student/issue-file',
      handler: 'documents.issueFile',
      config: requireAction('documents.issue'),
    },
    {
      method: 'GET',
      path: '/documents/prints/files-inventory.pdf',
      handler: 'documents.filesInventory',
      config: requireAction('documents.read'),
    },
    { method: 'GET', path: '/documents/prints/cards.zip', handler: 'documents.classCards', config: requireAction('documents.read') },
    // The register of аттестат blanks (R43): the same service as /api/certificate-blanks.
    { method: 'GET', path: '/documents/blanks', handler: 'documents.blanks', config: requireAction('documents.read') },
    {
      method: 'POST',
      path: '/documents/blanks/receive',
      handler: 'documents.receiveBlanks',
      config: requireAction('documents.issue'),
    },
    {
      method: 'POST',
      path: '/documents/blanks/:blank/write-off',
      handler: 'documents.writeOffBlank',
      config: requireAction('documents.issue'),
    },
    {
      method: 'GET',
      path: '/documents/prints/blank-register.pdf',
      handler: 'documents.blankRegister',
      config: requireAction('documents.read'),
    },
    { method: 'GET', path: '/documents/prints/journal.pdf', handler: 'documents.journalPrint', config: requireAction('documents.read') },
    { method: 'GET', path: '/documents/prints/summary', handler: 'documents.summaryPrint', config: requireAction('documents.read') },
  ],
};
