import { defaultTheme, type RaThemeOptions } from 'react-admin';

const fontFamily =
  '"Inter Variable", "Noto Sans SC Variable", "Segoe UI", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** A calm, professional palette: deep navy, teal accents, soft neutral surfaces. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1f3a5f', light: '#4a6a94', dark: '#132640', contrastText: '#ffffff' },
    secondary: { main: '#14807a', light: '#4fb0a9', dark: '#0b5753', contrastText: '#ffffff' },
    success: { main: '#2e7d4f' },
    warning: { main: '#b7791f' },
    error: { main: '#c0392b' },
    info: { main: '#2f6fb0' },
    background: { default: '#f4f6f9', paper: '#ffffff' },
    text: { primary: '#1d2733', secondary: '#5b6b7c' },
    divider: '#e3e8ef',
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily,
    h4: { fontWeight: 700, letterSpacing: '-0.01em' },
    h5: { fontWeight: 700 },
    h6: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  sidebar: { width: 232, closedWidth: 56 },
  components: {
    ...defaultTheme.components,
    MuiAppBar: {
      defaultProps: { elevation: 0, color: 'inherit' },
      styleOverrides: {
        root: { backgroundColor: '#ffffff', color: '#1d2733', borderBottom: '1px solid #e3e8ef' },
      },
    },
    MuiPaper: {
      styleOverrides: {
        root: { backgroundImage: 'none' },
        elevation1: { boxShadow: '0 1px 2px rgba(16, 24, 40, 0.06), 0 1px 3px rgba(16, 24, 40, 0.08)' },
      },
    },
    MuiCard: {
      defaultProps: { variant: 'outlined' },
      styleOverrides: { root: { borderColor: '#e3e8ef' } },
    },
    MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
    MuiTableCell: {
      styleOverrides: {
        head: { fontWeight: 600, color: '#5b6b7c', backgroundColor: '#f8fafc' },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderRadius: 8,
          margin: '2px 8px',
          paddingLeft: 12,
          '&.RaMenuItemLink-active': {
            backgroundColor: 'rgba(31, 58, 95, 0.09)',
            color: '#1f3a5f',
            fontWeight: 600,
            '& .RaMenuItemLink-icon': { color: '#1f3a5f' },
          },
        },
      },
    },
    RaLayout: {
      styleOverrides: {
        root: { '& .RaLayout-content': { paddingTop: 16, paddingLeft: 24, paddingRight: 24, paddingBottom: 24 } },
      },
    },
  } as RaThemeOptions['components'],
};
