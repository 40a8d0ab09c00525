// The left-hand navigation: one link per screen, the current one marked for screen readers too.
import type { Role } from '../../../shared/api/contract-kit';
import { routeHref, screensOf, screenTitles, type ScreenName } from './routes';

export function Navigation({ current, role }: { current: ScreenName; role: Role }) {
  return (
    <header className="sidebar">
      <div className="brand" aria-hidden="true">
        Transmittal
      </div>
      <nav aria-label="Main">
        <ul>
          {screensOf[role].map((screen) => (
            <li key={screen}>
              <a href={routeHref({ screen })} aria-current={screen === current ? 'page' : undefined}>
                {screenTitles[screen]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
