/**
 * Distance learning (seed 004): limits on the files teachers attach to lesson plans, daily reports
 * and assignments, and pupils attach to their work. Per kind of file: the allowed MIME types and the
 * largest size of one file. Read through `uploadLimitsOf` (`src/school/distance/uploads.ts`).
 */
const MB = 1024 * 1024;

export default {
  uploadLimits: {
    document: {
      mimeTypes: [
        'application/pdf',
        'text/plain',
        'application/msword',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.oasis.opendocument.text',
        'application/vnd.ms-powerpoint',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'application/vnd.ms-excel',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      maxBytes: 20 * MB,
    },
    image: { mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'], maxBytes: 10 * MB },
    audio: {
      mimeTypes: ['audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/x-wav', 'audio/webm', 'audio/aac'],
      maxBytes: 30 * MB,
    },
    video: { mimeTypes: ['video/mp4', 'video/webm', 'video/quicktime', 'video/ogg'], maxBytes: 50 * MB },
  },
};
