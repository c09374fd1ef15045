// Entry point: mounts the app and starts the session.
import { render } from 'preact';
import { start } from './session';
import { App } from './ui/App';
import './style.css';

render(<App />, document.getElementById('app')!);
void start();
