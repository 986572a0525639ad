// The command line entry point (issue 4).
process.stdout.write('interview-followups: not built yet\n');
