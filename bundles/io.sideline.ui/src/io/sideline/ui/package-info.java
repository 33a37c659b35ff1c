/**
 * The Sideline workbench's public ids. Everything else in this bundle is internal and draws only:
 * the models it shows live in headless bundles.
 */
package io.sideline.ui;
