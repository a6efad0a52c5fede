/**
 * The left navigation: one button per section the role may open. Below 62em (a 1366 px laptop at
 * 200% zoom is 683 px wide) it folds to icons, each keeping its name (accessible name and tooltip).
 * The current section clicked again goes back to its list (or board).
 */
import { NavLink, ScrollArea, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigationStore, type Section } from '../stores/navigation';
import { goHome } from './routes';
import { SectionIcon } from './section-icons';

/** Below this width the navigation shows icons only (Mantine's `md` breakpoint). */
export const FOLD_QUERY = '(max-width: 61.99em)';

/** The navigation's buttons for `sections`, `current` marked. */
export function SectionNav({ sections, current }: { sections: Section[]; current?: Section }) {
  const { t } = useTranslation();
  const select = useNavigationStore(state => state.select);
  const folded = useMediaQuery(FOLD_QUERY) ?? false;
  return (
    <ScrollArea type="auto">
      {sections.map(id => {
        const name = t(`shell.sections.${id}`);
        const link = (
          <NavLink
            component="button"
            type="button"
            label={folded ? null : name}
            aria-label={folded ? name : undefined}
            leftSection={<SectionIcon section={id} />}
            active={current === id}
            // Filled: white on primary shade 8 passes AA contrast; the light variant did not.
            variant="filled"
            aria-current={current === id ? 'page' : undefined}
            onClick={() => (current === id ? goHome(id) : select(id))}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        );
        return folded ? (
          <Tooltip key={id} label={name} position="right" withArrow>
            {link}
          </Tooltip>
        ) : (
          <div key={id}>{link}</div>
        );
      })}
    </ScrollArea>
  );
}
