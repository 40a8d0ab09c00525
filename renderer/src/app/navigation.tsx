// The left-hand navigation: one link per screen, the current one marked for screen readers too.
import { routeHref, screens, screenTitles, type ScreenName } from './routes';

export function Navigation({ current }: { current: ScreenName }) {
  return (
    <header className="sidebar">
      <div className="brand" aria-hidden="true">
        Transmittal
      </div>
      <nav aria-label="Main">
        <ul>
          {screens.map((screen) => (
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
