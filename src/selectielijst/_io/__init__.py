"""Getting lists in and out: valuation notations, spreadsheets, the VNG Selectielijst."""
