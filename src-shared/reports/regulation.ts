/**
 * Builds the access regulation document from live facts in one language. Pure: the renderer shows
 * the result and main writes it as a PDF.
 */
import type { ReportDocument } from './document';
import { permissionName, roleName } from './permission-names';
import type { RegulationFacts } from './regulation-facts';
import { acknowledgementSection, approvalSection } from './regulation-signatures';
import { REGULATION_TEXT } from './regulation-text';
import { formatInZone } from './review-document';

/** `2026-11-29T06:00:00.000Z` → `2026-11-29 06:00 UTC` (the same in both languages). */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The generation time in the office's zone (`2026-11-29 08:00 (Europe/Kyiv)`), else in UTC. */
function generatedText(facts: RegulationFacts): string {
  return facts.timeZone
    ? `${formatInZone(facts.generatedAt, facts.timeZone)} (${facts.timeZone})`
    : formatUtc(facts.generatedAt);
}

/** The regulation for `facts` in `lang`. */
export function regulationDocument(facts: RegulationFacts, lang: 'uk' | 'en'): ReportDocument {
  const t = REGULATION_TEXT[lang];
  const roleLabel = (id: string): string => {
    const role = facts.roles.find(r => r.id === id);
    return roleName(lang, role ?? { id, name: id });
  };
  const managers = facts.roles
    .filter(r => r.permissions.some(p => p.permission === 'users.manage'))
    .map(r => roleName(lang, r))
    .join(', ');
  const l = facts.lockout;
  const g = facts.guard;
  const b = facts.backup;
  return {
    lang,
    title: t.title,
    subtitle: [t.generated(generatedText(facts), facts.appVersion)],
    sections: [
      approvalSection(facts, lang),
      { heading: t.purposeHeading, paragraphs: t.purpose },
      { heading: t.accountsHeading, paragraphs: t.accounts(managers || '—') },
      {
        heading: t.passwordsHeading,
        paragraphs: [
          ...t.passwords(facts.password),
          t.lockout({
            free: l.freeFailures,
            first: l.firstBackoffSeconds,
            from: l.lockoutFromFailure,
            lockMinutes: Math.round(l.lockoutSeconds / 60),
            forgetHours: Math.round(l.forgetAfterSeconds / 3600),
          }),
          t.kdf(Math.round(facts.kdfFloor.memoryKiB / 1024), facts.kdfFloor.iterations),
          t.autoLock(facts.autoLockMinutes),
        ],
      },
      {
        heading: t.twoFactorHeading,
        paragraphs: [
          ...t.twoFactor,
          facts.withoutTwoFactor.length > 0
            ? t.withoutTwoFactor(facts.withoutTwoFactor.join(', '))
            : t.allHaveTwoFactor,
        ],
      },
      {
        heading: t.rolesHeading,
        paragraphs: [t.rolesIntro],
        table: {
          columns: [...t.rolesColumns],
          rows: facts.roles.map(r => [
            r.builtIn ? roleName(lang, r) : `${r.name} (${t.custom})`,
            r.permissions
              .map(p => {
                const name = permissionName(lang, p.permission);
                return p.scope ? `${name} (${t.scopes[p.scope]})` : name;
              })
              .join('; ') || '—',
            String(r.activeUsers),
          ]),
        },
      },
      {
        heading: t.staffHeading,
        paragraphs: facts.dismissedCount > 0 ? [t.dismissed(facts.dismissedCount)] : [],
        table: {
          columns: [...t.staffColumns],
          rows: facts.users.map(u => [
            u.displayName,
            u.login,
            roleLabel(u.role),
            u.teamId ?? t.noTeam,
            u.totpEnabled ? t.yes : t.no,
          ]),
        },
      },
      { heading: t.dismissalHeading, bullets: t.dismissal },
      {
        heading: t.backupHeading,
        paragraphs: [
          t.schedule(b.schedule),
          t.retention(b.retention),
          t.encryption[b.encryption],
          b.destinations.length === 0 ? t.noDestinations : t.destinations,
        ],
        bullets: b.destinations.map(d => d.path),
      },
      {
        heading: t.guardHeading,
        paragraphs: [
          t.hours(g.allowedHours),
          t.networks(g.allowedNetworks, g.allowedGatewayMacs),
          t.devices(g.requireApprovedDevices, g.approvedDevices),
          ...t.thresholds(g),
        ],
      },
      { heading: t.reviewHeading, paragraphs: t.review(g.dormantDays, g.checkReminderDays) },
      acknowledgementSection(facts, lang),
    ],
  };
}
