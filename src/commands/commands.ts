/* Ribbon commands. The ribbon button opens the task pane declaratively (ShowTaskpane), so this
   bundle only needs Office to be ready for the shared runtime. */
Office.onReady(() => undefined);
