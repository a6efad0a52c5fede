/**
 * The signature parts of the access regulation (issue 18 point 16): the «ЗАТВЕРДЖУЮ» block at the
 * top (office name from the office settings, the owner's position and name, a signature line and a
 * date line) and the staff's acknowledgement table at the end («Ознайомлений(а)», name, signature,
 * date for each active account). Blank lines are for ink: the document is printed and signed.
 */
import type { ReportSection } from './document';
import type { RegulationFacts } from './regulation-facts';

const SIGNATURE = '____________________';
const DATE_UK = '«___» ____________ 20___ р.';
const DATE_EN = '____ / ____ / 20___';

const TEXT = {
  uk: {
    approve: 'ЗАТВЕРДЖУЮ',
    position: (office: string) => (office ? `Власник (керівник) ${office}` : 'Власник (керівник)'),
    signed: (name: string) => `${SIGNATURE} / ${name} /`,
    date: DATE_UK,
    ackHeading: 'Ознайомлення працівників',
    ackIntro: 'З регламентом ознайомлені (кожен працівник підписує власноручно):',
    ackColumns: ['Працівник', 'Відмітка', 'Підпис', 'Дата'],
    acknowledged: 'Ознайомлений(а)',
  },
  en: {
    approve: 'APPROVED',
    position: (office: string) => (office ? `Owner (head) of ${office}` : 'Owner (head)'),
    signed: (name: string) => `${SIGNATURE} / ${name} /`,
    date: DATE_EN,
    ackHeading: 'Acknowledgement by staff',
    ackIntro: 'Staff who have read this regulation (each signs in their own hand):',
    ackColumns: ['Staff member', 'Mark', 'Signature', 'Date'],
    acknowledged: 'Read and understood',
  },
} as const;

/** The owner named in the approval block: the first active owner account, else a blank line. */
function ownerName(facts: RegulationFacts): string {
  return facts.users.find(u => u.role === 'owner')?.displayName ?? '____________________';
}

/** «ЗАТВЕРДЖУЮ», the owner's position in the office, signature and date lines. */
export function approvalSection(facts: RegulationFacts, lang: 'uk' | 'en'): ReportSection {
  const t = TEXT[lang];
  return {
    heading: t.approve,
    paragraphs: [t.position(facts.officeName ?? ''), t.signed(ownerName(facts)), t.date],
  };
}

/** One row per active account: name, «Ознайомлений(а)», a signature line and a date line. */
export function acknowledgementSection(facts: RegulationFacts, lang: 'uk' | 'en'): ReportSection {
  const t = TEXT[lang];
  return {
    heading: t.ackHeading,
    paragraphs: [t.ackIntro],
    table: {
      columns: [...t.ackColumns],
      rows: facts.users.map(u => [u.displayName, t.acknowledged, SIGNATURE, t.date]),
    },
  };
}
