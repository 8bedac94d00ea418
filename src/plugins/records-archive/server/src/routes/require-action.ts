import { pluginPermission, type PluginAction } from '../constants';

/** The policies of an admin route: a signed-in admin holding the plugin's RBAC action. */
export const requireAction = (action: PluginAction) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [pluginPermission(action)] } }],
});
