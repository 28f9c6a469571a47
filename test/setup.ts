import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import './fastCheck.ts';

// The unit run shares two cores with two browser runs: a debounce and a render can take seconds
// there, so waitFor and findBy* wait up to 5 s (they return as soon as the condition holds).
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
