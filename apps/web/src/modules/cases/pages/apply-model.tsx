/** 网上申报 (apply-page.tsx): the applicant fields and what a saved draft keeps of them. */
import { type Draft } from '../api';

export type Fields = {
  kind: 'person' | 'enterprise';
  name: string;
  idNumber: string;
  phone: string;
  legalRepresentative?: string;
  contactName?: string;
};

/**
 * The form fields kept in the draft. The identity number too (issue 14, point 4): the server keeps it
 * SM4-encrypted and gives it back only to the holder of the draft code.
 */
export const draftData = (v: Partial<Fields>): Draft['data'] => ({
  kind: v.kind ?? 'person',
  name: v.name ?? '',
  idNumber: (v.idNumber ?? '').trim().toUpperCase(),
  phone: v.phone ?? '',
  legalRepresentative: v.legalRepresentative ?? '',
  contactName: v.contactName ?? '',
});
