import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { whereFileIsUsed } from '../staff/media-usage';
import { guardMediaAddresses } from './address-guard';
import { MEDIA_RULE, problemWith, type IncomingFile } from './file-checks';

type UploadService = {
  upload(input: { data: unknown; files: IncomingFile | IncomingFile[] }, options?: unknown): Promise<unknown>;
  replace(id: unknown, input: { data: unknown; file: IncomingFile }, options?: unknown): Promise<unknown>;
  remove(file: { id: number; name?: string }): Promise<unknown>;
};
/** Listed in a refusal; the rest is counted. */
const PLACES_SHOWN = 5;

const refuseBadFiles = async (files: IncomingFile | IncomingFile[]): Promise<void> => {
  const problems = (await Promise.all([files].flat().map(problemWith))).filter((p): p is string => p !== null);
  if (problems.length > 0) throw new errors.ValidationError(`${problems.join('; ')}. ${MEDIA_RULE}`);
};

/**
 * Every file that enters the media library is checked by what it contains, before Strapi stores
 * anything: at the upload service itself, so that every way in passes the same check (the
 * admin's upload dialog and its "from URL", a replacement, the content API, the importer),
 * whatever the address or its spelling (`POST /UPLOAD` reaches the same service). And a file
 * the site's content uses cannot be deleted (from the library, in bulk or with its folder):
 * the refusal says where it is used, so staff replace it there first.
 */
export const guardUploads = (strapi: Core.Strapi): void => {
  guardMediaAddresses(strapi);
  const service = strapi.plugin('upload').service('upload') as UploadService;
  const upload = service.upload.bind(service);
  const replace = service.replace.bind(service);
  service.upload = async (input, options) => {
    await refuseBadFiles(input.files);
    return upload(input, options);
  };
  service.replace = async (id, input, options) => {
    await refuseBadFiles(input.file);
    return replace(id, input, options);
  };
  const remove = service.remove.bind(service);
  service.remove = async (file) => {
    const places = await whereFileIsUsed(strapi, file.id);
    if (places.length > 0) {
      const shown = places.slice(0, PLACES_SHOWN).join('; ');
      const more = places.length > PLACES_SHOWN ? ` and ${places.length - PLACES_SHOWN} more place(s)` : '';
      throw new errors.ApplicationError(
        `«${file.name ?? 'This file'}» is used on the site: ${shown}${more}. Choose another file there (or remove the section), then delete it.`,
      );
    }
    return remove(file);
  };
};
