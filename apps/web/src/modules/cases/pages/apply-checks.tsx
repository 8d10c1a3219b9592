/** 网上申报 (apply-page.tsx): what is missing before submission, and readable errors. */
import { Tag } from 'antd';
import type { ApplicantInput, CatalogMaterial, OnlineMaterialCheck } from '@tongban/contracts';
import { type Draft } from '../api';
import { tr } from '../../../app/i18n';
import { Fields } from './apply-model';

export function applicantOf(v: Fields): ApplicantInput {
  return v.kind === 'enterprise'
    ? {
        kind: 'enterprise',
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        legalRepresentative: (v.legalRepresentative ?? '').trim(),
        contactName: (v.contactName ?? '').trim(),
        phone: (v.phone ?? '').trim(),
      }
    : {
        kind: 'person',
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: (v.phone ?? '').trim(),
      };
}

/** Readable Chinese whatever failed: the form's own validation (an object, not an Error), or the API. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  const fields = (e as { errorFields?: { errors: string[] }[] } | null)?.errorFields;
  if (fields?.length)
    return tr('cases.applyPage.pleaseFillInOr', { v0: fields.flatMap((f) => f.errors).join('；') });
  return tr('cases.applyPage.notDoneCheckWhat');
}

export type Gap = { name: string; message: string };

export function missingOf(
  materials: CatalogMaterial[],
  draft: Draft | undefined,
  check?: OnlineMaterialCheck,
): Gap[] {
  if (check) return check.missing;
  const uploaded = new Set(draft?.files.map((f) => f.materialName));
  return materials
    .filter((m) => m.requirement === 'required' && !uploaded.has(m.name))
    .map((m) => ({
      name: m.name,
      message: m.licenseTypeCode
        ? tr('cases.applyPage.eLicensesAreChecked')
        : tr('cases.applyPage.requiredNotUploadedYet'),
    }));
}

export function licenseTag(m: CatalogMaterial, uploaded: boolean, check?: OnlineMaterialCheck) {
  if (uploaded) return null;
  if (check?.fromLicense.includes(m.name))
    return (
      <Tag color="green" data-testid="apply-from-license">
        {tr('cases.applyPage.notNeededFetchedFrom')}
      </Tag>
    );
  if (check) return <Tag color="orange">{tr('cases.applyPage.couldNotBeFetched')}</Tag>;
  return <Tag>{tr('cases.applyPage.notNeededWithAn')}</Tag>;
}
