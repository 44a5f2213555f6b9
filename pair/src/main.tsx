import '../../shared/ui/base.css';
import './pair.css';
import { loadFontsOrLog, renderRoot } from '../../shared/ui/mount.js';
import { PairPage } from './PairPage.js';

void loadFontsOrLog();
renderRoot(<PairPage />);
