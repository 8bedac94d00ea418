import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { applyAdminLayouts } from '../../src/admin-layouts/apply-layouts';
import { ADMIN_LAYOUTS, ADMIN_LAYOUTS_VERSION, PLUGIN_LAYOUTS } from '../../src/admin-layouts/layouts';
import { adminLogin } from '../helpers/admin';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let jwt: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  jwt = await adminLogin(strapi, { email: 'layouts-admin@school.test' });
});
afterAll(() => stopStrapi(strapi));

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}

const configurationUrl = (uid: string) => `/content-manager/content-types/${uid}/configuration`;

const readConfiguration = async (uid: string): Promise<Configuration> => {
  const response = await supertest(strapi.server.httpServer).get(configurationUrl(uid)).set('Authorization', `Bearer ${jwt}`);
  expect(response.status).toBe(200);
  return response.body.data.contentType as Configuration;
};

describe('content-manager configuration of a fresh install', () => {
  it('labels the mark fields in Russian, lists its columns and sorts by date', async () => {
    const mark = await readConfiguration('api::mark.mark');
    expect(mark.metadatas.student.edit.label).toBe('Обучающийся');
    expect(mark.metadatas.value.list.label).toBe('Отметка');
    expect(mark.metadatas.workType.edit.label).toBe('Вид работы');
    expect(mark.metadatas.createdAt.list.label).toBe('Создано');
    expect(mark.layouts.list).toEqual(['student', 'value', 'kind', 'date', 'journal']);
    expect(mark.settings).toMatchObject({ mainField: 'value', defaultSortBy: 'date', defaultSortOrder: 'DESC', pageSize: 50 });
  });

  it('names related records by their main field: pupil by full name, journal by title, lesson by date', async () => {
    const mark = await readConfiguration('api::mark.mark');
    expect(mark.metadatas.student.edit.mainField).toBe('fullName');
    expect(mark.metadatas.student.list.mainField).toBe('fullName');
    expect(mark.metadatas.journal.edit.mainField).toBe('title');
    expect(mark.metadatas.lesson.edit.mainField).toBe('date');
    expect(mark.metadatas.setBy.edit.mainField).toBe('username');
    const student = await readConfiguration('api::student.student');
    expect(student.settings.mainField).toBe('fullName');
    expect(student.layouts.list).toEqual(['fullName', 'birthDate', 'gender']);
  });

  it('groups the edit form as declared, every visible field placed once', async () => {
    const lesson = await readConfiguration('api::lesson.lesson');
    expect(lesson.layouts.list).toEqual(['date', 'number', 'journal', 'topic']);
    expect(lesson.layouts.edit[0]).toEqual([{ name: 'journal', size: 6 }]);
    expect(lesson.layouts.edit[1]).toEqual([
      { name: 'date', size: 4 },
      { name: 'number', size: 4 },
    ]);
    const placed = lesson.layouts.edit.flat().map((cell) => cell.name);
    expect(new Set(placed).size).toBe(placed.length);
    expect(placed.sort()).toEqual(
      ADMIN_LAYOUTS['api::lesson.lesson'].edit
        .flat()
        .map(([name]) => name)
        .sort(),
    );
  });

  it('gives every field of every record type a Russian label, the school’s accounts included', async () => {
    for (const uid of [...Object.keys(ADMIN_LAYOUTS), ...Object.keys(PLUGIN_LAYOUTS)]) {
      const configuration = await readConfiguration(uid);
      const latin = Object.entries(configuration.metadatas)
        .filter(([name]) => name !== 'documentId')
        .filter(([, meta]) => !/[А-Яа-яЁё]/.test(String(meta.list.label)) && meta.list.label !== 'ID')
        .map(([name]) => `${uid}.${name}`);
      expect(latin).toEqual([]);
    }
  });

  it('shows the school’s accounts with their full name («ФИО») in the list and first in the form', async () => {
    const account = await readConfiguration('plugin::users-permissions.user');
    expect(account.metadatas.fullName.edit.label).toBe('ФИО');
    expect(account.metadatas.username.list.label).toBe('Логин');
    expect(account.layouts.list).toEqual(['username', 'fullName', 'email', 'role', 'blocked']);
    expect(account.layouts.edit[0]).toEqual([{ name: 'fullName', size: 12 }]);
    expect(account.settings.mainField).toBe('username');
  });

  it('labels the fields of the components in Russian too (the admission documents of a personal file)', async () => {
    const service = strapi.plugin('content-manager').service('components');
    const configuration = await service.findConfiguration(service.findComponent('personal-file.admission-document'));
    expect(configuration.metadatas.kind.edit.label).toBe('Документ');
    expect(configuration.metadatas.file.list.label).toBe('Файл (скан или копия)');
    expect(configuration.layouts.edit.flat().map((cell: { name: string }) => cell.name)).toEqual([
      'kind',
      'receivedOn',
      'file',
      'storagePlace',
      'note',
    ]);
  });

  it('passes the content manager’s own validation: saving it back unchanged is accepted', async () => {
    const mark = await readConfiguration('api::mark.mark');
    const metadatas = Object.fromEntries(
      Object.entries(mark.metadatas)
        .filter(([name]) => name !== 'documentId')
        .map(([name, meta]) => [
          name,
          { edit: meta.edit, list: { label: meta.list.label, searchable: meta.list.searchable, sortable: meta.list.sortable } },
        ]),
    );
    const response = await supertest(strapi.server.httpServer)
      .put(configurationUrl('api::mark.mark'))
      .set('Authorization', `Bearer ${jwt}`)
      .send({ settings: mark.settings, metadatas, layouts: mark.layouts });
    expect(response.status).toBe(200);
  });
});

describe('applying the layouts again', () => {
  const setMarkerVersion = (version: number) =>
    strapi
      .store({ type: 'core', name: 'school_records' })
      .get({ key: 'admin_layouts' })
      .then((marker) =>
        strapi.store({ type: 'core', name: 'school_records' }).set({ key: 'admin_layouts', value: { ...(marker as object), version } }),
      );

  it('does nothing when the stored version is current', async () => {
    expect(await applyAdminLayouts(strapi)).toEqual({ applied: [], keptUserChanges: [] });
  });

  it('updates what is still ours after a version change and keeps a layout changed by hand', async () => {
    const subject = await readConfiguration('api::subject.subject');
    const response = await supertest(strapi.server.httpServer)
      .put(configurationUrl('api::subject.subject'))
      .set('Authorization', `Bearer ${jwt}`)
      .send({
        settings: subject.settings,
        metadatas: Object.fromEntries(
          Object.entries(subject.metadatas)
            .filter(([name]) => name !== 'documentId')
            .map(([name, meta]) => [
              name,
              {
                edit: meta.edit,
                list: {
                  label: name === 'name' ? 'Предмет (наш)' : meta.list.label,
                  searchable: meta.list.searchable,
                  sortable: meta.list.sortable,
                },
              },
            ]),
        ),
        layouts: { ...subject.layouts, list: ['name', 'scale'] },
      });
    expect(response.status).toBe(200);

    await setMarkerVersion(ADMIN_LAYOUTS_VERSION - 1);
    const report = await applyAdminLayouts(strapi);
    expect(report.keptUserChanges).toEqual(['api::subject.subject']);
    expect(report.applied).toContain('api::mark.mark');
    const kept = await readConfiguration('api::subject.subject');
    expect(kept.layouts.list).toEqual(['name', 'scale']);
    expect(kept.metadatas.name.list.label).toBe('Предмет (наш)');
    // A forced run (a deliberate reset) writes ours again.
    expect((await applyAdminLayouts(strapi, { force: true })).applied).toContain('api::subject.subject');
    expect((await readConfiguration('api::subject.subject')).layouts.list).toEqual(['name', 'shortName', 'scale', 'sortOrder']);
  });
});
