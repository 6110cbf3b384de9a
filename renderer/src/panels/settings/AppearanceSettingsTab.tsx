/** Settings → Appearance: the colour theme, applied at once and kept for the next start. */
import { THEMES, type Theme } from '../../../../shared/shell/theme';
import { useAppearance } from '../../store/appearanceStore';

const THEME_LABELS: Readonly<Record<Theme, string>> = { system: 'System', light: 'Light', dark: 'Dark' };

export function AppearanceSettingsTab(): React.JSX.Element {
  const theme = useAppearance((s) => s.theme);
  const setTheme = useAppearance((s) => s.setTheme);
  return (
    <div className="appearance-settings">
      <fieldset aria-describedby="theme-hint">
        <legend>Theme</legend>
        <div className="radio-row">
          {THEMES.map((option) => (
            <label key={option} className="toggle">
              <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => setTheme(option)} />
              {THEME_LABELS[option]}
            </label>
          ))}
        </div>
      </fieldset>
      <p id="theme-hint" className="muted">
        System follows your operating system's light or dark setting, and changes with it.
      </p>
    </div>
  );
}
