import { startChecker } from './checkerPage.ts';
import '../app/app.css';
import '../features/exchange/verify.css';
import './checker.css';

// The entry of the standalone bundle checker (scripts/build-verifier.ts inlines it into one
// HTML file). It runs as a classic script at the end of <body>: module scripts are blocked on
// file:// pages.
startChecker(document);
