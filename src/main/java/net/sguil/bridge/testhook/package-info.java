/**
 * Test-only switches the crash tests set from outside the process (today one: {@link
 * net.sguil.bridge.testhook.CrashPoint}); inert unless their environment variable is set. Imports
 * nothing of the project, so any package may call it.
 */
package net.sguil.bridge.testhook;
