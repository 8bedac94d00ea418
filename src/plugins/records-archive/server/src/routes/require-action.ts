import type { Duty } from '../../../../../access/duty-appointments';
import { pluginPermission, type PluginAction } from '../constants';

/** The policies of an admin route: a signed-in admin holding the plugin's RBAC action. */
export const requireAction = (action: PluginAction) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [pluginPermission(action)] } }],
});

/** …and, once the duty has an appointment by the director's order, appointed to it (policy `appointed`). */
export const requireAppointedAction = (action: PluginAction, duty: Duty) => ({
  policies: [...requireAction(action).policies, { name: 'plugin::records-archive.appointed', config: { duty } }],
});
