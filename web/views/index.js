// Every view of the page, in tab order. A new view: its file, and one line here.
import { registerView } from './registry.js';
import { uploadView } from './upload.js';
import { mappingView } from './mapping.js';
import { settingsView } from './settings.js';
import { overviewView } from './overview.js';
import { customersView } from './customers.js';
import { predictionView } from './prediction.js';
import { healthView } from './health.js';
import { membersView } from './members.js';
import { winbackView } from './winback.js';
import { remindersView } from './reminders.js';
import { productsView } from './products.js';
import { warningsView } from './warnings.js';

registerView(uploadView);
registerView(mappingView);
registerView(settingsView);
registerView(overviewView);
registerView(customersView);
registerView(predictionView);
registerView(healthView);
registerView(membersView);
registerView(winbackView);
registerView(remindersView);
registerView(productsView);
registerView(warningsView);
