import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The demo runs on embedded data: no network, no keys. `public` holds only MSW's worker, which
  // serves the fake Langfuse API when the toolbar's source is Langfuse.
  staticDirs: ['../public'],
};

export default config;
