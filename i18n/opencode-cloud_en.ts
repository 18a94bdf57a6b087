<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>occ</name>
    <message>
        <source>Docker is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission to use Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::AccessPage</name>
    <message>
        <source>Who may connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the opencode web UI can be reached from.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::AccessWidget</name>
    <message>
        <source>Only this computer (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other devices on my network (LAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind a load balancer or reverse proxy (public URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web UI listens on 127.0.0.1: nothing outside this computer can connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web UI listens on all interfaces. Anyone on your network can reach the login page, so a strong password is required. Traffic is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your proxy terminates TLS and forwards to this port. You will enter the public URL on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is used by your opencode-cloud service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Port %1 is already in use.&lt;/b&gt; Choose another port.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::ApplyPage</name>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your choices and starting the service. The first start builds the image, which takes a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the configuration to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept the stored password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: could not change &quot;start at login&quot;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud will start when you log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud will not start at login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choices are saved. Start the service from the tray when you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the image (step %1 of %2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for opencode to answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choices are saved. Fix the problem and press &quot;Try again&quot;, or finish now and start the service from the tray later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is running at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling at the next step…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::CredentialsPage</name>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode asks for this password in the browser (user name &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::CredentialsWidget</name>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate a strong password (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set my own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate another password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the password to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too weak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least &quot;fair&quot;: long, not a common word, not your user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::DetectionPage</name>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud runs in a Docker container. Let&apos;s see what is here already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the Docker engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker %1 is running (API %2) at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker does not seem to be installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is installed but not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not use Docker: permission denied on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Docker engine is too old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a config file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a config file with problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a running service container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stopped service container</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n data volume(s)</source>
        <translation>
            <numerusform>%n data volume</numerusform>
            <numerusform>%n data volumes</numerusform>
        </translation>
    </message>
    <message>
        <source>No earlier setup found: this is a fresh start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1. They are kept: setup only changes what you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is used by your running service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is taken; port %2 will be suggested instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::DetectionResult</name>
    <message>
        <source>Install Docker Engine (or Docker Desktop), then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the Docker engine, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your user to the &quot;docker&quot; group, log out and back in, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To try it without logging out, start a shell with the new group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Docker: this engine&apos;s API is too old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that Docker works in a terminal, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The existing config file has a problem; fix it by hand or let setup start over (a copy of the old file is kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is taken. Use port %2 instead, or free the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is taken by %2. Use port %3 instead, or free the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is taken. Choose another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that this machine reaches the engine over ssh, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the host, port and TLS settings, and that the engine listens there, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Docker Desktop, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::ErrorPresenter</name>
    <message>
        <source>Could not create the folder %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no permission to use Docker. The setup wizard shows how to get it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Docker engine is too old for opencode-cloud. Update Docker to 20.10 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not running or not installed. The setup wizard shows how to start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is in use by another program. Stop that program, or choose another port in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container named &quot;%1&quot; already exists and was not made by opencode-cloud. Remove or rename it with your Docker tools, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something else holds what opencode-cloud needs (a port or a container name). The app&apos;s log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is not set up yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings do not allow this start (for example, listening on the network without a password). Review them in Settings; the app&apos;s log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opencode image could not be built. The logs show the step that failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode did not become ready in time, or stopped while starting. The logs show why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. The app&apos;s log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not running or not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no permission to use Docker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker does not know it: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is busy with it: %1. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker did not answer in time. It may be overloaded; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Docker broke. Check that Docker is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows did not let opencode-cloud change %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the setup wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Docker, or let the setup wizard check it and show how to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user needs permission to use Docker; the setup wizard shows how to get it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that this computer can log in to %1 with ssh and use Docker there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another port in Settings, or stop the program that uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove or rename the other container with your Docker tools, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a password in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or let only this computer connect, in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up opencode-cloud with the setup wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on the front door so that the TLS setting takes effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logs show why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the setting &quot;%1&quot; (in Settings, or in the config file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the setting&apos;s name in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s status and logs on its host show why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name and password to log in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The front door&apos;s settings do not fit together (TLS mode, public address, ports or e-mail). Review them; the app&apos;s log names the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS certificate or key cannot be used (unreadable, not PEM, not matching, out of date or for another name). The app&apos;s log says which.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local certificate authority for the front door could not be made. The app&apos;s log says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 or %2 for the front door is in use by another program. Stop that program, or choose other ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The front door (Caddy) could not be built or started. The logs show why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker could not make the private network between the front door and opencode. The logs show why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker failed while handling the front door. The logs show why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is set to &quot;%1&quot;, but the front door is off: TLS needs the front door, so opencode stays on plain HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on the front door</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::FinishPage</name>
    <message>
        <source>&amp;Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud keeps running in the system tray: its icon shows the service&apos;s health, and its menu starts, stops and opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode is running. Open it in your browser and sign in with the password below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choices are saved, but the service is not running yet. Start it from the tray menu once the problem is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choices are saved. Start the service from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::LogViewer</name>
    <message>
        <source>stdout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stderr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service (container)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow new lines; turn off to pause the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paused: %n new line(s) not shown. Turn on Follow to see them.</source>
        <translation>
            <numerusform>Paused: %n new line not shown. Turn on Follow to see it.</numerusform>
            <numerusform>Paused: %n new lines not shown. Turn on Follow to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrapped around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::Notifier</name>
    <message>
        <source>opencode-cloud crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The service stopped unexpectedly and Docker restarted it (%n restart(s) so far).</source>
        <translation>
            <numerusform>The service stopped unexpectedly and Docker restarted it (%n restart so far).</numerusform>
            <numerusform>The service stopped unexpectedly and Docker restarted it (%n restarts so far).</numerusform>
        </translation>
    </message>
    <message>
        <source>opencode-cloud updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update finished and the service is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service now runs opencode %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud update finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update finished, but the service is not healthy. Show the logs to see why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is running but stopped answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service stopped unexpectedly; Docker is restarting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is answering again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service does not respond: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::PersistencePage</name>
    <message>
        <source>Where your work is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything survives restarts and updates. Nothing is ever deleted by setup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::PersistenceWidget</name>
    <message>
        <source>Docker &amp;volumes (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;folder on this computer for the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your projects and opencode&apos;s data live in Docker volumes that survive updates and re-creating the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing volumes are kept whatever you choose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder will be created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::ProxyPage</name>
    <message>
        <source>Public address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address people type into their browser, served by your load balancer or proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point your proxy at this computer&apos;s port and let it handle TLS. opencode still asks for the password you set on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::PublicUrlWidget</name>
    <message>
        <source>The proxy runs on this computer (listen on 127.0.0.1 only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the URL your proxy serves, e.g. https://code.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode will tell browsers to use this address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::RestartPage</name>
    <message>
        <source>Start the service when I press Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping it running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker restarts the service after a crash or a reboot, as you choose here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>through your proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Address:&lt;/td&gt;&lt;td&gt;&lt;b&gt;%1&lt;/b&gt; (%2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Password:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Workspace:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::RestartPolicyWidget</name>
    <message>
        <source>Start opencode-cloud when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always keep it running, unless I stop it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always keep it running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart only after a crash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never restart automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after &amp;crashes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::SettingsDialog</name>
    <message>
        <source>opencode-cloud settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The front door will be turned on when you save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::SetupWizard</name>
    <message>
        <source>opencode-cloud setup (editing your existing setup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud setup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::StatusPresenter</name>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>hours</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <comment>days</comment>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is not set up yet. Open the setup wizard to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is running at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is running but does not respond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud does not respond: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>restarted %n time(s)</source>
        <translation>
            <numerusform>restarted once</numerusform>
            <numerusform>restarted %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>opencode-cloud keeps crashing; Docker is restarting it. Show the logs to see why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud is being updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the service&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is stopped; waiting for it to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Waiting for the service to come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service stopped; waiting for it to come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell where the Docker engine is (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell where the Docker engine is (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crashed with exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its health check fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it answers HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::StatusWindow</name>
    <message>
        <source>opencode-cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so opencode-cloud shows this window instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::TrayActions</name>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup &amp;wizard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::TrayApp</name>
    <message>
        <source>opencode-cloud could not be stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opencode-cloud could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is stored. Set one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for user &quot;%1&quot; is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The config file has problems; fix them first:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new settings take effect when the service restarts. Restart it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click here: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1?</source>
        <comment>offer a remedy as a question: &quot;Open Settings?&quot;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>occ::WelcomePage</name>
    <message>
        <source>Welcome to opencode-cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the opencode AI coding agent as a persistent, secure service on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;This wizard will:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;check that Docker works on this computer,&lt;/li&gt;&lt;li&gt;ask who may connect and with which password,&lt;/li&gt;&lt;li&gt;ask where your work is kept and how the service restarts,&lt;/li&gt;&lt;li&gt;build and start the service, and show you its address.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Nothing is changed until the last step.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;You already have a setup.&lt;/b&gt; The pages show its current settings; what you change is applied at the end. Your projects, sessions and keys are kept.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
