import { keepingPermission, type KeepingAction } from '../constants';

/** The policies of an admin route: a signed-in admin holding the RBAC action. */
export const requireAction = (action: KeepingAction) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [keepingPermission(action)] } }],
});
