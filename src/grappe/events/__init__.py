"""Events of the pôle — trade shows, business conventions, workshops, trainings, conferences,
webinars — their registrations, and the B2B meetings arranged between participants."""
