import distanceLearning from '../../config/distance-learning';
import { formatBytes, uploadKindOf, uploadRefusal, type UploadLimits } from '../../src/school/rules/upload-limits';

const limits = distanceLearning.uploadLimits as UploadLimits;
const MB = 1024 * 1024;

describe('limits on distance-learning files', () => {
  it('sorts a file into its kind by MIME type, a family pattern included', () => {
    expect(uploadKindOf('application/pdf', limits)).toBe('document');
    expect(uploadKindOf('image/jpeg', limits)).toBe('image');
    expect(uploadKindOf('audio/mpeg', limits)).toBe('audio');
    expect(uploadKindOf('video/mp4; codecs=avc1', limits)).toBe('video');
    expect(uploadKindOf('application/x-msdownload', limits)).toBeNull();
    expect(uploadKindOf('audio/flac', { ...limits, audio: { mimeTypes: ['audio/*'], maxBytes: MB } })).toBe('audio');
  });

  it('accepts a file of an allowed type within its size', () => {
    expect(uploadRefusal({ name: 'ответ.mp3', mime: 'audio/mpeg', size: 5 * MB }, limits)).toBeNull();
  });

  it('refuses a type no kind allows and a file over its kind’s size, naming the file and the limit', () => {
    expect(uploadRefusal({ name: 'игра.exe', mime: 'application/x-msdownload', size: 100 }, limits)).toMatch(
      /^Файл «игра\.exe» не принят: тип application\/x-msdownload не допускается\. Допустимы: документ \(application\/pdf/,
    );
    expect(uploadRefusal({ name: 'проект.mp4', mime: 'video/mp4', size: 60 * MB }, limits)).toBe(
      'Файл «проект.mp4» не принят: 60 МБ больше допустимого для типа «видеозапись» (50 МБ)',
    );
    expect(formatBytes(1536 * 1024)).toBe('1,5 МБ');
    expect(formatBytes(300 * 1024)).toBe('300 КБ');
  });
});
