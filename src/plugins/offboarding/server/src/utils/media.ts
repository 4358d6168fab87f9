import type { Core } from '@strapi/strapi';

export const UPLOAD_FILE_UID = 'plugin::upload.file';

/** An upload row, as the upload service's `remove(file)` takes it. */
export interface UploadFile {
  id: number;
  hash: string;
  ext: string | null;
  url: string;
  provider: string;
  formats: Record<string, unknown> | null;
}

export interface UploadService {
  remove: (file: UploadFile) => Promise<unknown>;
}

/** Where the upload plugin links files to entries: one polymorphic table (`files_related_mph`). */
export interface MediaLinkTable {
  table: string;
  fileColumn: string;
  /** id of the entry the file is attached to */
  idColumn: string;
  /** uid of that entry's content type */
  typeColumn: string;
}

interface MorphJoinTableMeta {
  name: string;
  joinColumn: { name: string };
  morphColumn: { idColumn: { name: string }; typeColumn: { name: string } };
}

export const mediaLinkTable = (strapi: Core.Strapi): MediaLinkTable => {
  const related = strapi.db.metadata.get(UPLOAD_FILE_UID).attributes.related as { joinTable?: MorphJoinTableMeta };
  const joinTable = related.joinTable;
  if (!joinTable?.morphColumn) throw new Error(`${UPLOAD_FILE_UID}.related has no polymorphic link table`);
  return {
    table: joinTable.name,
    fileColumn: joinTable.joinColumn.name,
    idColumn: joinTable.morphColumn.idColumn.name,
    typeColumn: joinTable.morphColumn.typeColumn.name,
  };
};
