// The activity and models parts live in files of their own; kept until src/index.ts imports them from there.
export { UserDetailActivity, type UserDetailActivityProps } from './UserDetailActivity.js';
export { UserDetailModels, type UserDetailModelsProps } from './UserDetailModels.js';
