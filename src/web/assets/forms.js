// Forms rendered by the server (log in, sign up, invitation): focus the error summary if any.
import { focusMarked } from './lib.js';

focusMarked();
